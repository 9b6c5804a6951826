package org.reliefchain.web.api;

import java.net.URI;

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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.reliefchain.finance.rotation.RotationForm;
import org.reliefchain.finance.rotation.RotationService;
import org.reliefchain.finance.rotation.RotationStatus;
import org.reliefchain.finance.rotation.RotationView;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;

/** Rotation plans (轮换方案) of near-expiry reserves: raise, approve twice, execute through the ledger. */
@Path("rotations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class RotationResource {

    @Inject
    private RotationService rotations;

    @POST
    @Operation(summary = "Raise a rotation plan (WAREHOUSE_MANAGER) for a lot held at a warehouse of your jurisdiction:"
            + " warehouse, material, lot (number), quantity (at most what is held and not already in an open plan),"
            + " method SELL (unitPrice), HAND_OVER (recipient, unitPrice, 0 allowed), DONATE (recipient), EXCHANGE"
            + " (enterprise: the supplier; replacement: lot, productionDate, expiryDate, quantity, unitCost,"
            + " priceDifference paid to the supplier, negative when received) or DESTROY (reason); optional enterprise"
            + " (who carries the rotation and is compensated for its loss) and idempotencyKey. Book value comes from"
            + " the lot's unit cost; loss = book value - proceeds, to the fen")
    public Response raise(RotationForm form) {
        RotationView created = rotations.raise(form);
        return Response.created(URI.create("rotations/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "Rotation plans of your jurisdiction, newest first; status PROPOSED, APPROVED, EXECUTED,"
            + " REJECTED or CANCELLED")
    public Page<RotationView> list(@QueryParam("status") String status, @QueryParam("page") Integer page,
                                   @QueryParam("size") Integer size) {
        return rotations.list(Params.enumValue("status", status, RotationStatus.class), PageRequest.of(page, size));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One rotation plan with its approvals, movements and the write-off its loss raised"
            + " (number and status); outside your jurisdiction 404")
    public RotationView get(@PathParam("id") long id) {
        return rotations.get(id);
    }

    @POST
    @Path("{id}/approve")
    @Operation(summary = "Approve as a warehouse manager or as finance (one approval each); never by whoever raised"
            + " the plan or approved it already (409 same-approver); a capacity approved twice is 409 already-approved;"
            + " both make it APPROVED")
    public RotationView approve(@PathParam("id") long id) {
        return rotations.approve(id);
    }

    @POST
    @Path("{id}/reject")
    @Operation(summary = "Reject an open plan (WAREHOUSE_MANAGER or FINANCE, not its raiser): {\"reason\":\"...\"}")
    public RotationView reject(@PathParam("id") long id, AllocationResource.Rejection body) {
        return rotations.reject(id, body == null ? null : body.getReason());
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel an open plan (WAREHOUSE_MANAGER): {\"reason\":\"...\"}")
    public RotationView cancel(@PathParam("id") long id, AllocationResource.Rejection body) {
        return rotations.cancel(id, body == null ? null : body.getReason());
    }

    @POST
    @Path("{id}/execute")
    @Operation(summary = "Carry out an approved plan (WAREHOUSE_MANAGER): ISSUE (WRITE_OFF when destroyed) referencing"
            + " the plan's number, and for an exchange the replacement RECEIPT; a loss raises a ROTATION_LOSS write-off"
            + " (signed by amount) and, when the plan names an enterprise, ROTATION_EXPENSE owed to it in the journal."
            + " A retry answers with the executed plan and moves nothing again")
    public RotationView execute(@PathParam("id") long id) {
        return rotations.execute(id);
    }
}
