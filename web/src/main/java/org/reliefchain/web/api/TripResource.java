package org.reliefchain.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.reliefchain.dispatch.TripService;
import org.reliefchain.dispatch.TripView;

/** Dispatch orders (派车单) in the field: trips of approved plans and their reports. */
@Path("trips")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class TripResource {

    @Inject
    private TripService trips;

    @GET
    @Operation(summary = "Trips of an incident, by number; filter by status (PLANNED, LOADED, DEPARTED, RETURNED, CANCELLED)")
    public List<TripView> list(@QueryParam("incident") Long incident, @QueryParam("status") String status) {
        return trips.list(incident, status);
    }

    @GET
    @Path("{id}")
    public TripView get(@PathParam("id") long id) {
        return trips.get(id);
    }

    @POST
    @Path("{id}/events")
    @Operation(summary = "A field report: {key, type LOADED|DEPARTED|ARRIVED|DELIVERED|RETURNED, stop, at, receiver,"
            + " lines [{material, received, damaged}], note}; the same key twice counts once; RETURNED takes what was"
            + " not received back into stock")
    public TripView report(@PathParam("id") long id, TripService.EventForm form) {
        return trips.report(id, form);
    }
}
