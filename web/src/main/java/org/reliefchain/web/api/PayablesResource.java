package org.reliefchain.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.reliefchain.finance.payable.Payables;
import org.reliefchain.finance.payable.PayablesService;

/** Payables by enterprise (应付款明细). */
@Path("finance/payables")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class PayablesResource {

    @Inject
    private PayablesService payables;

    @GET
    @Operation(summary = "What is owed to each enterprise over the journal of your jurisdiction: subsidies,"
            + " purchases (call-ups), compensation (requisitions), rotation, owed, paid and balance per enterprise,"
            + " totals, and the PAYABLE balance straight from the journal (difference always 0.00)")
    public Payables byEnterprise() {
        return payables.byEnterprise();
    }
}
