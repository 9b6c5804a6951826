package org.reliefchain.web.api;

import java.net.URI;
import java.util.List;

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
import org.reliefchain.finance.agreement.AgreementForm;
import org.reliefchain.finance.agreement.AgreementKind;
import org.reliefchain.finance.agreement.AgreementService;
import org.reliefchain.finance.agreement.AgreementStatus;
import org.reliefchain.finance.agreement.AgreementVersion;
import org.reliefchain.finance.agreement.AgreementView;
import org.reliefchain.finance.agreement.CheckForm;
import org.reliefchain.finance.agreement.CheckView;
import org.reliefchain.finance.agreement.EndForm;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;

/** Reserve agreements (协议储备) and their inspections (检查). */
@Path("agreements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class AgreementResource {

    @Inject
    private AgreementService agreements;

    @POST
    @Operation(summary = "Draft an agreement of a division in your jurisdiction (finance staff): enterprise (id),"
            + " division, kind (CUSTODY 代储, ENTERPRISE_STOCK 企业协议储备, CAPACITY 产能储备), startsOn, endsOn,"
            + " priceRule (FIXED, MARKET_CAPPED, COST_PLUS with pricePercent), feeBasis (PER_UNIT yuan per unit per"
            + " year, PERCENT_OF_VALUE percent of the value per year), managementFee (yuan per year), paymentDays,"
            + " penaltyPerUnitDay, lines [{material, quantity, feeRate, unitValue, qualityStandard, warehouse,"
            + " capacityHours and capacityPerDay for capacity}]. Numbered XY<year>-<n> without gaps")
    public Response draft(AgreementForm form) {
        AgreementView created = agreements.draft(form);
        return Response.created(URI.create("agreements/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "Agreements contracted in your jurisdiction, newest first, with their lines and what the"
            + " latest check found; text matches the number, the enterprise's name or its credit code")
    public Page<AgreementView> list(@QueryParam("text") String text, @QueryParam("status") String status,
                                    @QueryParam("kind") String kind, @QueryParam("enterprise") Long enterprise,
                                    @QueryParam("division") String division, @QueryParam("page") Integer page,
                                    @QueryParam("size") Integer size) {
        return agreements.list(text, Params.enumValue("status", status, AgreementStatus.class),
                Params.enumValue("kind", kind, AgreementKind.class), enterprise, division, PageRequest.of(page, size));
    }

    @GET
    @Path("findings")
    @Operation(summary = "Agreement lines in force in your jurisdiction whose latest inspection found them short or"
            + " failing quality (deducted from the next statement), the most recent first")
    public Page<org.reliefchain.finance.agreement.CheckFinding> findings(@QueryParam("page") Integer page,
                                                                         @QueryParam("size") Integer size) {
        return agreements.findings(PageRequest.of(page, size));
    }

    @GET
    @Path("{id}")
    public AgreementView get(@PathParam("id") long id) {
        return agreements.get(id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a draft, or amend an active agreement (with version and reason; the agreement as it"
            + " was is kept as a version, lines may change or be added, not removed)")
    public AgreementView amend(@PathParam("id") long id, AgreementForm form) {
        return agreements.amend(id, form);
    }

    @GET
    @Path("{id}/versions")
    @Operation(summary = "The agreement as it was before each amendment, with who, when and why")
    public List<AgreementVersion.View> versions(@PathParam("id") long id) {
        return agreements.versions(id);
    }

    @POST
    @Path("{id}/activate")
    @Operation(summary = "Put a draft in force: from its start date it earns a subsidy and is inspected")
    public AgreementView activate(@PathParam("id") long id) {
        return agreements.activate(id);
    }

    @POST
    @Path("{id}/terminate")
    @Operation(summary = "End an active agreement early: {\"lastDay\":\"2026-09-30\",\"reason\":\"...\"}")
    public AgreementView terminate(@PathParam("id") long id, EndForm form) {
        return agreements.terminate(id, form);
    }

    @POST
    @Path("{id}/checks")
    @Operation(summary = "Record an inspection (warehouse managers): checkedOn, kind (SCHEDULED, UNANNOUNCED), note,"
            + " lines [{line, counted, qualityOk, note}]. A shortfall or a failed quality is deducted in the next"
            + " statement")
    public Response check(@PathParam("id") long id, CheckForm form) {
        CheckView created = agreements.check(id, form);
        return Response.created(URI.create("agreements/" + id + "/checks")).entity(created).build();
    }

    @GET
    @Path("{id}/checks")
    @Operation(summary = "The agreement's inspections, latest first, each line as agreed and as found")
    public List<CheckView> checks(@PathParam("id") long id) {
        return agreements.checks(id);
    }
}
