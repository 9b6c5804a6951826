package org.reliefchain.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.reliefchain.finance.subsidy.AccrualResult;
import org.reliefchain.finance.subsidy.AccrueForm;
import org.reliefchain.finance.subsidy.AdjustmentForm;
import org.reliefchain.finance.subsidy.PaymentForm;
import org.reliefchain.finance.subsidy.StatementService;
import org.reliefchain.finance.subsidy.StatementStatus;
import org.reliefchain.finance.subsidy.StatementView;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;

/** Subsidy statements (补贴结算单): accrue a period, reconcile, approve, pay, adjust. */
@Path("statements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class StatementResource {

    @Inject
    private StatementService statements;

    @POST
    @Path("accrue")
    @Operation(summary = "Accrue a period that is over ({\"period\":\"2026-Q3\"} or \"2026-07\", optional division,"
            + " default yours) for every agreement in force in it: one draft statement per enterprise and contracting"
            + " division, itemised per line (storage fee on the quantity held by the checks, management fee,"
            + " deductions for shortfalls and failed quality). Accruing again adds only what was missing")
    public AccrualResult accrue(AccrueForm form) {
        return statements.accrue(form);
    }

    @GET
    @Operation(summary = "Statements of your jurisdiction, latest period first (lines on the single statement)")
    public Page<StatementView> list(@QueryParam("status") String status, @QueryParam("period") String period,
                                    @QueryParam("enterprise") Long enterprise, @QueryParam("division") String division,
                                    @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return statements.list(Params.enumValue("status", status, StatementStatus.class), period, enterprise, division,
                PageRequest.of(page, size));
    }

    @GET
    @Path("{id}")
    public StatementView get(@PathParam("id") long id) {
        return statements.get(id);
    }

    @POST
    @Path("{id}/reconcile")
    @Consumes({"text/csv", StockImportResource.XLSX})
    @Operation(summary = "Compare with the enterprise's own statement (XLSX or CSV: agreement, amount required;"
            + " material, kind, basis optional; or 协议编号, 物资编码, 类型, 数量天数, 金额): the differences line by line with"
            + " their reason (MISSING_THEIRS, MISSING_OURS, BASIS, AMOUNT)")
    public StatementView reconcile(@PathParam("id") long id, byte[] content,
                                   @HeaderParam("Content-Type") String contentType,
                                   @QueryParam("fileName") String fileName) {
        return statements.reconcile(id, fileName, content, Imports.isXlsx(contentType));
    }

    @GET
    @Path("reconcile/template")
    @Produces({StockImportResource.XLSX, "text/csv"})
    @Operation(summary = "The file an enterprise fills in for reconciliation." + Imports.TEMPLATE_SUMMARY)
    public Response template(@QueryParam("format") String format, @QueryParam("lang") String lang) {
        return Imports.template(StatementService.THEIR_STATEMENT, format, lang);
    }

    @POST
    @Path("{id}/approve")
    @Operation(summary = "Approve a draft (a finance user other than its preparer): booked to the journal as the"
            + " expense and the payable to the enterprise; optional {\"version\":n}")
    public StatementView approve(@PathParam("id") long id, VersionBody body) {
        return statements.approve(id, body == null ? null : body.getVersion());
    }

    @POST
    @Path("{id}/pay")
    @Operation(summary = "Record the payment of an approved statement: {\"reference\":\"bank reference\",\"paidOn\":"
            + "\"2026-11-30\"}; the same reference again changes nothing, on another statement it is a 409")
    public StatementView pay(@PathParam("id") long id, PaymentForm form) {
        return statements.pay(id, form);
    }

    @POST
    @Path("{id}/adjust")
    @Operation(summary = "Correct an approved statement with a new draft that refers to it: {\"reason\":\"...\","
            + "\"lines\":[{\"amount\":\"-120.50\",\"explanation\":\"...\",\"material\":\"TENT-12\"}]}")
    public Response adjust(@PathParam("id") long id, AdjustmentForm form) {
        StatementView created = statements.adjust(id, form);
        return Response.created(URI.create("statements/" + created.id())).entity(created).build();
    }

    /** An optional version in a body. */
    public static class VersionBody {
        private Long version;

        public Long getVersion() { return version; }
        public void setVersion(Long version) { this.version = version; }
    }
}
