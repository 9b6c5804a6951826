package org.reliefchain.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.reliefchain.finance.journal.Journal;
import org.reliefchain.finance.journal.JournalView;
import org.reliefchain.finance.journal.TrialBalance;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;

/** The finance journal and its trial balance. */
@Path("finance")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class FinanceResource {

    @Inject
    private Journal journal;

    @GET
    @Path("journal")
    @Operation(summary = "Journal entries of your jurisdiction, latest first: append-only, each balanced; filter by"
            + " enterprise (id) or document number")
    public Page<JournalView> journal(@QueryParam("enterprise") Long enterprise, @QueryParam("document") String document,
                                     @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return journal.entries(enterprise, document, PageRequest.of(page, size));
    }

    @GET
    @Path("trial-balance")
    @Operation(summary = "Debits and credits per account over the journal of your jurisdiction; difference is"
            + " always 0.00")
    public TrialBalance trialBalance() {
        return journal.trialBalance();
    }
}
