package org.reliefchain.web.api;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.reliefchain.place.PlaceForm;
import org.reliefchain.place.PlaceKind;
import org.reliefchain.place.PlaceQuery;
import org.reliefchain.place.PlaceService;
import org.reliefchain.place.PlaceView;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;

/** Ports and ferry terminals (港口/渡口) from data/zhejiang, editable by the province. */
@Path("ports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class PortResource {

    @Inject
    private PlaceService places;

    @GET
    @Operation(summary = "Ports and ferry terminals (港口/渡口) from the public sources; approximate is true where the source"
            + " gives a town point or no coordinates (positionOrigin says which); division includes its "
            + "subtree, q matches name or code")
    public Page<PlaceView> list(@QueryParam("division") String division, @QueryParam("q") String q,
                                @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return places.list(new PlaceQuery(PlaceKind.PORT, Params.division("division", division), q),
                PageRequest.of(page, size));
    }

    @GET
    @Path("{code}")
    public PlaceView get(@PathParam("code") String code) {
        return places.get(PlaceKind.PORT, code);
    }

    @POST
    @Operation(summary = "Add a port or ferry terminal (the province only: DISPATCHER, WAREHOUSE_MANAGER, ADMIN of 33)")
    public Response create(PlaceForm form) {
        PlaceView created = places.create(PlaceKind.PORT, form);
        return Response.created(URI.create("ports/" + created.code())).entity(created).build();
    }

    @PUT
    @Path("{code}")
    @Operation(summary = "Change it; send the version you read (409 when stale). A new position is marked ENTERED")
    public PlaceView update(@PathParam("code") String code, PlaceForm form) {
        return places.update(PlaceKind.PORT, code, form);
    }
}
