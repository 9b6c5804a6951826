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
import org.reliefchain.division.DivisionCode;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.stock.BalanceQuery;
import org.reliefchain.stock.BalanceView;
import org.reliefchain.stock.MovementForm;
import org.reliefchain.stock.MovementQuery;
import org.reliefchain.stock.MovementResult;
import org.reliefchain.stock.MovementView;
import org.reliefchain.stock.StockLedger;
import org.reliefchain.stock.StockQueries;

@Path("stock")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class StockResource {

    @Inject
    private StockLedger ledger;

    @Inject
    private StockQueries queries;

    @POST
    @Path("movements")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a movement: RECEIPT, ISSUE (lot optional: first-expiry-first-out), TRANSFER"
            + " (toWarehouse), WRITE_OFF or REVERSAL (reverses). 201 with the movement and the new balance; a retry"
            + " with the same idempotencyKey answers the first result again (header Idempotent-Replayed: true);"
            + " 409 insufficient-stock names material, lot and what is available.")
    public Response record(MovementForm form) {
        MovementResult result = ledger.record(form);
        return Response.created(URI.create("stock/movements/" + result.movement().id())).entity(result)
                .header("Idempotent-Replayed", String.valueOf(result.replayed())).build();
    }

    @GET
    @Path("balances")
    @Operation(summary = "Stock on hand by warehouse and lot, inside your jurisdiction; division includes its"
            + " subtree; material is a code, or else part of a name or code (棉被, tent); expiringWithinDays keeps lots"
            + " expiring by then (expired included); sort=expiry lists the soonest expiry first (expired lots first)")
    public Page<BalanceView> balances(@QueryParam("warehouse") String warehouse, @QueryParam("material") String material,
                                      @QueryParam("division") String division, @QueryParam("class") String materialClass,
                                      @QueryParam("lot") String lot,
                                      @QueryParam("expiringWithinDays") Integer expiringWithinDays,
                                      @QueryParam("sort") String sort,
                                      @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        if (sort != null && !sort.isBlank() && !"expiry".equals(sort.trim())) {
            throw new InvalidInputException("sort", "must be expiry (soonest first) or left out", "format");
        }
        return queries.balances(new BalanceQuery(Params.text(warehouse), Params.text(material),
                Params.division("division", division),
                MaterialResource.materialClass(materialClass), expiringWithinDays, Params.text(lot)),
                PageRequest.of(page, size), sort != null && "expiry".equals(sort.trim()));
    }

    @GET
    @Path("totals")
    @Operation(summary = "Stock per material inside your jurisdiction (or one warehouse; class optional): usable and"
            + " expired quantities, value at cost in CNY, lots without a cost, lots and warehouses holding it")
    public java.util.List<org.reliefchain.stock.MaterialTotal> totals(@QueryParam("warehouse") String warehouse,
                                                                      @QueryParam("class") String materialClass) {
        return queries.materialTotals(Params.text(warehouse), MaterialResource.materialClass(materialClass));
    }

    @GET
    @Path("movements/{id}")
    @Operation(summary = "One movement (where the Location of a recorded movement points), inside your jurisdiction")
    public MovementView movement(@PathParam("id") long id) {
        return queries.movement(id);
    }

    @GET
    @Path("movements")
    @Operation(summary = "The ledger inside your jurisdiction, newest first; from/to are ISO-8601 instants")
    public Page<MovementView> movements(@QueryParam("warehouse") String warehouse,
                                        @QueryParam("material") String material, @QueryParam("lot") String lot,
                                        @QueryParam("from") String from, @QueryParam("to") String to,
                                        @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return queries.movements(new MovementQuery(Params.text(warehouse), Params.text(material), Params.text(lot),
                Params.instant("from", from), Params.instant("to", to)), PageRequest.of(page, size));
    }
}
