package org.reliefchain.web.api;

import java.net.URI;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.reliefchain.allocation.AllocationForm;
import org.reliefchain.allocation.AllocationService;
import org.reliefchain.allocation.AllocationView;
import org.reliefchain.allocation.ReceiptForm;
import org.reliefchain.allocation.ShipForm;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;

/** Allocation orders (调拨单). */
@Path("allocations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class AllocationResource {

    /** Body of a rejection or a cancellation. */
    public static class Rejection {
        private String reason;

        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
    }

    @Inject
    private AllocationService allocations;

    @POST
    @Operation(summary = "Request materials for a warehouse in your jurisdiction from any other warehouse (DRAFT;"
            + " the order number is given on submission)")
    public Response create(AllocationForm form) {
        AllocationView created = allocations.create(form);
        return Response.created(URI.create("allocations/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "Orders: role=inbox (waiting for you: to approve, ship or receive), outbox (requested by"
            + " you), or every order of your jurisdiction")
    public Page<AllocationView> list(@QueryParam("status") String status, @QueryParam("role") String role,
                                     @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return allocations.list(AllocationService.status(status), box(role), PageRequest.of(page, size));
    }

    @GET
    @Path("{id}")
    public AllocationView get(@PathParam("id") long id) {
        return allocations.get(id);
    }

    @POST
    @Path("{id}/submit")
    public AllocationView submit(@PathParam("id") long id) {
        return allocations.submit(id);
    }

    @POST
    @Path("{id}/approve")
    @Operation(summary = "Approve (a manager containing both ends, not the requester); emergency orders may be"
            + " approved after shipping, within 24 hours")
    public AllocationView approve(@PathParam("id") long id) {
        return allocations.approve(id);
    }

    @POST
    @Path("{id}/reject")
    public AllocationView reject(@PathParam("id") long id, Rejection rejection) {
        return allocations.reject(id, rejection == null ? null : rejection.getReason());
    }

    @POST
    @Path("{id}/ship")
    @Operation(summary = "Ship from the source, first-expiry-first-out (TRANSFER_OUT): in full without a body, or"
            + " {\"lines\":[{\"material\":\"TENT\",\"quantity\":\"10\"}],\"reason\":\"...\"} to ship less than"
            + " asked (reason required); the rest of every line is then closed short")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = false, content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShipForm.class)))
    public AllocationView ship(@PathParam("id") long id, String body) {
        return allocations.ship(id, shipForm(body));
    }

    /** No body (the way a plain "ship it" is sent) means everything as asked. */
    private static ShipForm shipForm(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.fromJson(body, ShipForm.class);
        } catch (Exception e) {
            throw new InvalidInputException("body", "is not a shipment: {\"lines\":[{\"material\":\"...\","
                    + "\"quantity\":\"...\"}],\"reason\":\"...\"}", "format");
        }
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel with {\"reason\":\"...\"} a submitted or approved order that has not shipped (the"
            + " managers of either end); a draft is deleted instead")
    public AllocationView cancel(@PathParam("id") long id, Rejection cancellation) {
        return allocations.cancel(id, cancellation == null ? null : cancellation.getReason());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a draft (it has no number yet); other orders are cancelled instead")
    public Response delete(@PathParam("id") long id) {
        allocations.deleteDraft(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/receive")
    @Operation(summary = "Receive at the destination (TRANSFER_IN); per material: received, damaged, note")
    public AllocationView receive(@PathParam("id") long id, ReceiptForm form) {
        return allocations.receive(id, form);
    }

    private static AllocationService.Box box(String role) {
        if (role == null || role.isBlank()) {
            return AllocationService.Box.ALL;
        }
        try {
            return AllocationService.Box.valueOf(role.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("role", "must be inbox or outbox");
        }
    }
}
