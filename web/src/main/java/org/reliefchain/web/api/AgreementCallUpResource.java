package org.reliefchain.web.api;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.reliefchain.finance.callup.CallUpForm;
import org.reliefchain.finance.callup.CallUpService;
import org.reliefchain.finance.callup.CallUpView;

/** Ordering call-ups of one agreement, and its call-ups. */
@Path("agreements/{id}/call-ups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class AgreementCallUpResource {

    @Inject
    private CallUpService callUps;

    @POST
    @Operation(summary = "Call up goods (调用) from an ACTIVE ENTERPRISE_STOCK or CAPACITY agreement (a CUSTODY"
            + " agreement is 409 call-up-custody: government goods in custody move by transfer): line, quantity"
            + " (together with earlier call-ups at most the line's quantity for ENTERPRISE_STOCK, 409"
            + " call-up-exceeds-line), warehouse (a government warehouse of the contracting division), incident (id,"
            + " optional), priceBasis (the day's market price for MARKET_CAPPED, the enterprise's unit cost for"
            + " COST_PLUS; none for FIXED), note, idempotencyKey. The unit price is fixed now by the agreement's rule;"
            + " a capacity call-up carries its promised batches. Numbered DY2026-000001; 201, a retry with the same"
            + " key 200 with Idempotent-Replayed: true")
    public Response order(@PathParam("id") long id, CallUpForm form) {
        CallUpService.Outcome o = callUps.order(id, form);
        return (o.replayed() ? Response.ok() : Response.created(URI.create("call-ups/" + o.callUp().id())))
                .entity(o.callUp()).header("Idempotent-Replayed", String.valueOf(o.replayed())).build();
    }

    @GET
    @Operation(summary = "The agreement's call-ups, newest first (at most 200); an agreement outside your jurisdiction is 404")
    public List<CallUpView> list(@PathParam("id") long id) {
        return callUps.ofAgreement(id);
    }
}
