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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.reliefchain.finance.callup.CallUpService;
import org.reliefchain.finance.callup.CallUpStatus;
import org.reliefchain.finance.callup.CallUpView;
import org.reliefchain.finance.callup.CancelForm;
import org.reliefchain.finance.callup.ReceiptForm;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;

/** Call-ups (调用) under reserve agreements: listed, received and cancelled here; ordered on the agreement. */
@Path("call-ups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class CallUpResource {

    @Inject
    private CallUpService callUps;

    @GET
    @Operation(summary = "Call-ups of your jurisdiction (by the contracting division or the receiving warehouse),"
            + " newest first; filter by status or agreement (id); toReceive=true: only those your warehouses still"
            + " await")
    public Page<CallUpView> list(@QueryParam("status") String status, @QueryParam("agreement") Long agreement,
                                 @QueryParam("toReceive") boolean toReceive, @QueryParam("page") Integer page,
                                 @QueryParam("size") Integer size) {
        return callUps.list(Params.enumValue("status", status, CallUpStatus.class), agreement, toReceive,
                PageRequest.of(page, size));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One call-up with its receipts and, for a capacity reserve, the promised batches against"
            + " the deliveries (state ON_TIME, LATE, OVERDUE or DUE)")
    public CallUpView get(@PathParam("id") long id) {
        return callUps.get(id);
    }

    @POST
    @Path("{id}/receipts")
    @Operation(summary = "Receive a delivery (WAREHOUSE_MANAGER of the receiving warehouse): quantity (at most what"
            + " is outstanding), lot, productionDate, expiryDate (from the shelf life when left out), idempotencyKey."
            + " Writes a ledger RECEIPT with source AGREEMENT, the call-up's unit price as unit cost and its number as"
            + " reference, and posts PURCHASE_EXPENSE against the enterprise's PAYABLE for quantity x unit price to"
            + " the fen. 201; a retry with the same key answers 200 with Idempotent-Replayed: true")
    public Response receive(@PathParam("id") long id, ReceiptForm form) {
        CallUpService.Outcome o = callUps.receive(id, form);
        return (o.replayed() ? Response.ok() : Response.status(Response.Status.CREATED)).entity(o.callUp())
                .header("Idempotent-Replayed", String.valueOf(o.replayed())).build();
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel the undelivered remainder (FINANCE or WAREHOUSE_MANAGER of the contracting"
            + " division): {\"reason\":\"...\",\"version\":n}; what was delivered stays received and owed")
    public CallUpView cancel(@PathParam("id") long id, CancelForm form) {
        return callUps.cancel(id, form);
    }
}
