package org.reliefchain.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.reliefchain.security.UserService;
import org.reliefchain.security.UserView;

@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class MeResource {

    @Inject
    private UserService users;

    @GET
    @Operation(summary = "The signed-in user: role and jurisdiction")
    public UserView me() {
        return users.me();
    }
}
