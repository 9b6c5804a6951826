package org.reliefchain.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "reliefchain API", version = "0.1",
                description = "Emergency relief materials of Zhejiang. Errors are application/problem+json"
                        + " (RFC 9457); invalid input is 400 with an `errors` list. Lists are paged:"
                        + " ?page=0&size=50 (size at most 500)."),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class ApiApplication extends Application {
}
