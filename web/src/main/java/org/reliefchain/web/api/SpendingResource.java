package org.reliefchain.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.reliefchain.finance.spending.SpendingReport;
import org.reliefchain.finance.spending.SpendingService;

/** The year's reserve spending by level and division, as figures; the documents are under /api/reports. */
@Path("finance/spending")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class SpendingResource {

    @Inject
    private SpendingService spending;

    @GET
    @Operation(summary = "年度储备支出: a year's spending per division that bore it (subsidies, call-up purchases,"
            + " requisition compensation, rotation compensation, write-offs), subtotals per level and the total",
            description = "year defaults to the current one (China time); division to your jurisdiction and must be"
                    + " inside it (403 otherwise). Journal amounts count in the year and division they were posted in,"
                    + " write-offs when signed final.")
    public SpendingReport year(@QueryParam("year") Integer year, @QueryParam("division") String division) {
        return spending.year(year, division);
    }
}
