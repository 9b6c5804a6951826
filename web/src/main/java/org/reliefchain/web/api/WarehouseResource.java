package org.reliefchain.web.api;

import java.net.URI;
import java.util.Locale;

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
import org.reliefchain.division.DivisionCode;
import org.reliefchain.network.WarehouseForm;
import org.reliefchain.network.WarehouseKind;
import org.reliefchain.network.WarehouseQuery;
import org.reliefchain.network.WarehouseService;
import org.reliefchain.network.WarehouseView;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;

@Path("warehouses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class WarehouseResource {

    @Inject
    private WarehouseService warehouses;

    @GET
    @Operation(summary = "Reserve warehouses and points (储备库/点); division includes its subtree")
    public Page<WarehouseView> list(@QueryParam("level") String level, @QueryParam("division") String division,
                                    @QueryParam("kind") String kind, @QueryParam("q") String q,
                                    @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return warehouses.list(new WarehouseQuery(Params.level("level", level),
                Params.division("division", division),
                kind(kind), q), PageRequest.of(page, size));
    }

    @GET
    @Path("{code}")
    public WarehouseView get(@PathParam("code") String code) {
        return warehouses.get(code);
    }

    @POST
    @Operation(summary = "Create a warehouse inside your jurisdiction (WAREHOUSE_MANAGER, ADMIN)")
    public Response create(WarehouseForm form) {
        WarehouseView created = warehouses.create(form);
        return Response.created(URI.create("warehouses/" + created.code())).entity(created).build();
    }

    @PUT
    @Path("{code}")
    @Operation(summary = "Change a warehouse's details; send the version you read (409 when stale)")
    public WarehouseView update(@PathParam("code") String code, WarehouseForm form) {
        return warehouses.update(code, form);
    }

    @POST
    @Path("{code}/deactivate")
    @Operation(summary = "Deactivate an empty warehouse (409 while it holds stock)")
    public WarehouseView deactivate(@PathParam("code") String code) {
        return warehouses.deactivate(code);
    }

    private static WarehouseKind kind(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return WarehouseKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "must be GOVERNMENT, CO_BUILT, ENTRUSTED, RED_CROSS or SOCIAL");
        }
    }
}
