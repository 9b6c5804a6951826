package org.reliefchain.web.api;

import java.net.URI;

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
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.stock.count.CountEntry;
import org.reliefchain.stock.count.StockCountService;
import org.reliefchain.stock.count.StockCountView;

/** Stock counts (盘点). */
@Path("stock/counts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class StockCountResource {

    /** Body of opening a count. */
    public static class Opening {
        private String warehouse;

        public String getWarehouse() { return warehouse; }
        public void setWarehouse(String warehouse) { this.warehouse = warehouse; }
    }

    @Inject
    private StockCountService counts;

    @POST
    @Operation(summary = "Open a count of a warehouse: a snapshot of its balances")
    public Response open(Opening opening) {
        StockCountView count = counts.open(opening == null ? null : opening.getWarehouse());
        return Response.created(URI.create("stock/counts/" + count.id())).entity(count).build();
    }

    @GET
    public Page<StockCountView> list(@QueryParam("warehouse") String warehouse, @QueryParam("page") Integer page,
                                     @QueryParam("size") Integer size) {
        return counts.list(warehouse, PageRequest.of(page, size));
    }

    @GET
    @Path("{id}")
    public StockCountView get(@PathParam("id") long id) {
        return counts.get(id);
    }

    @PUT
    @Path("{id}/lines")
    @Operation(summary = "Enter counted quantities: {lines:[{material, lot, counted, note}]}")
    public StockCountView record(@PathParam("id") long id, CountEntry entry) {
        return counts.record(id, entry);
    }

    @POST
    @Path("{id}/submit")
    @Operation(summary = "Submit for approval once every lot is counted")
    public StockCountView submit(@PathParam("id") long id) {
        return counts.submit(id);
    }

    @POST
    @Path("{id}/approve")
    @Operation(summary = "Approve (someone other than who opened or submitted): variances become COUNT_ADJUSTMENT")
    public StockCountView approve(@PathParam("id") long id) {
        return counts.approve(id);
    }
}
