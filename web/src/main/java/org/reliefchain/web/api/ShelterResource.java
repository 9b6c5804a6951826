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

/** Disaster shelters (避灾安置场所), editable inside the jurisdiction. */
@Path("shelters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ShelterResource {

    @Inject
    private PlaceService places;

    @GET
    @Operation(summary = "Disaster shelters (避灾安置场所) with their capacity in people; synthetic marks demo ones; division "
            + "includes its subtree, q matches name or code")
    public Page<PlaceView> list(@QueryParam("division") String division, @QueryParam("q") String q,
                                @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return places.list(new PlaceQuery(PlaceKind.SHELTER, Params.division("division", division), q),
                PageRequest.of(page, size));
    }

    @GET
    @Path("{code}")
    public PlaceView get(@PathParam("code") String code) {
        return places.get(PlaceKind.SHELTER, code);
    }

    @POST
    @Operation(summary = "Register a shelter in a division inside your jurisdiction; capacityPeople required (DISPATCHER,"
            + " WAREHOUSE_MANAGER, ADMIN)")
    public Response create(PlaceForm form) {
        PlaceView created = places.create(PlaceKind.SHELTER, form);
        return Response.created(URI.create("shelters/" + created.code())).entity(created).build();
    }

    @PUT
    @Path("{code}")
    @Operation(summary = "Change it; send the version you read (409 when stale). A new position is marked ENTERED")
    public PlaceView update(@PathParam("code") String code, PlaceForm form) {
        return places.update(PlaceKind.SHELTER, code, form);
    }
}
