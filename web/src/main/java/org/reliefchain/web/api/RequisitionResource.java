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
import org.reliefchain.finance.requisition.RequisitionForm;
import org.reliefchain.finance.requisition.RequisitionService;
import org.reliefchain.finance.requisition.RequisitionStatus;
import org.reliefchain.finance.requisition.RequisitionView;
import org.reliefchain.finance.requisition.ReturnForm;
import org.reliefchain.finance.subsidy.PaymentForm;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;

/** Requisitions (征用) in an incident, their return and compensation (征用补偿). */
@Path("requisitions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class RequisitionResource {

    @Inject
    private RequisitionService requisitions;

    @POST
    @Operation(summary = "Issue a requisition (warehouse managers, for a warehouse in their jurisdiction): incident"
            + " (id), warehouse (code), partyKind ENTERPRISE (enterprise: id) | ORGANISATION (partyName, creditCode)"
            + " | PERSON (partyName, idNumber: 18 characters, GB 11643 check), takenOn, reason, items (GOODS: material,"
            + " quantity, lot, unitValue, valuationBasis, valuedOn; VEHICLE: registration, vehicleKind TRUCK|VAN,"
            + " capacityKg, capacityM3, heightM, widthM, grossWeightT, dailyFee; PREMISES: address, areaM2, dailyFee;"
            + " all: conditionTaken), idempotencyKey. Goods are received into the warehouse owned by the party"
            + " (source REQUISITION); vehicles join the fleet as REQUISITIONED")
    public Response issue(RequisitionForm form) {
        RequisitionView created = requisitions.issue(form);
        return Response.created(URI.create("requisitions/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "Requisitions of your jurisdiction, newest first; optional status and incident (id)")
    public Page<RequisitionView> list(@QueryParam("status") String status, @QueryParam("incident") Long incident,
                                      @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return requisitions.list(Params.enumValue("status", status, RequisitionStatus.class), incident,
                PageRequest.of(page, size));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One requisition with its items; a person's ID number is masked except to finance")
    public RequisitionView get(@PathParam("id") long id) {
        return requisitions.get(id);
    }

    @POST
    @Path("{id}/return")
    @Operation(summary = "Settle one item (warehouse managers): {\"line\":1,\"outcome\":\"RETURNED|CONSUMED|LOST\","
            + "\"condition\":\"GOOD|DAMAGED\",\"on\":\"2026-08-03\",\"repairCost\":\"...\",\"quantityConsumed\":\"...\","
            + "\"residualValue\":\"...\"}. Goods not consumed go back out of the ledger to their owner (the lot must"
            + " hold exactly that: 409 requisition-stock-mismatch), lost goods are written off, vehicles go out of"
            + " service")
    public RequisitionView settle(@PathParam("id") long id, ReturnForm form) {
        return requisitions.settle(id, form);
    }

    @POST
    @Path("{id}/compensation")
    @Operation(summary = "Compute the compensation once every item is settled (finance): consumed goods at their"
            + " unit value when taken, vehicles and premises their daily fee for every day held (the day taken and"
            + " the day returned both count) plus the repair cost when damaged, lost items their residual value")
    public RequisitionView compute(@PathParam("id") long id) {
        return requisitions.compute(id);
    }

    @POST
    @Path("{id}/approve")
    @Operation(summary = "Approve the computed compensation (finance; never whoever issued or computed it: 409"
            + " same-approver); books COMPENSATION_EXPENSE against the payee's PAYABLE; optional {\"version\":n}")
    public RequisitionView approve(@PathParam("id") long id, StatementResource.VersionBody body) {
        return requisitions.approve(id, body == null ? null : body.getVersion());
    }

    @POST
    @Path("{id}/pay")
    @Operation(summary = "Record the payment: {\"reference\":\"bank reference\",\"paidOn\":\"2026-08-12\"}; the same"
            + " reference again changes nothing, on another requisition it is a 409; books PAYABLE against BANK")
    public RequisitionView pay(@PathParam("id") long id, PaymentForm form) {
        return requisitions.pay(id, form);
    }
}
