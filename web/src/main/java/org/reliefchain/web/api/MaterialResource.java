package org.reliefchain.web.api;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.reliefchain.catalog.CatalogService;
import org.reliefchain.catalog.MaterialClass;
import org.reliefchain.catalog.MaterialView;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;

@Path("materials")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class MaterialResource {

    @Inject
    private CatalogService catalog;

    @GET
    @Operation(summary = "The reserve catalogue (储备目录); filter by class RESCUE|RESPONDER_SUPPORT|BASIC_LIVING and text")
    public Page<MaterialView> list(@QueryParam("class") String materialClass, @QueryParam("q") String q,
                                   @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return catalog.list(materialClass(materialClass), q, PageRequest.of(page, size));
    }

    @GET
    @Path("{code}")
    public MaterialView get(@PathParam("code") String code) {
        return catalog.get(code);
    }

    static MaterialClass materialClass(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return MaterialClass.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("class", "must be RESCUE, RESPONDER_SUPPORT or BASIC_LIVING");
        }
    }
}
