package org.reliefchain.web.api;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.reliefchain.fleet.FleetService;
import org.reliefchain.fleet.StatusForm;
import org.reliefchain.fleet.VehicleForm;
import org.reliefchain.fleet.VehicleImportService;
import org.reliefchain.fleet.VehicleKind;
import org.reliefchain.fleet.VehicleQuery;
import org.reliefchain.fleet.VehicleStatus;
import org.reliefchain.fleet.VehicleView;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.stock.imports.ImportResult;

/** The relief fleet (运力). */
@Path("vehicles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class VehicleResource {

    @Inject
    private FleetService fleet;

    @Inject
    private VehicleImportService imports;

    @GET
    @Operation(summary = "Trucks, vans, boats and helicopters (运力), each with its kind, base and status; division"
            + " includes its subtree; q matches registration or crew name")
    public Page<VehicleView> list(@QueryParam("kind") String kind, @QueryParam("status") String status,
                                  @QueryParam("division") String division, @QueryParam("q") String q,
                                  @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return fleet.list(new VehicleQuery(choice("kind", kind, VehicleKind.class),
                choice("status", status, VehicleStatus.class), Params.division("division", division), q),
                PageRequest.of(page, size));
    }

    @GET
    @Path("{registration}")
    @Operation(summary = "One vehicle; nextStatuses lists the statuses you may move it to now")
    public VehicleView get(@PathParam("registration") String registration) {
        return fleet.get(registration);
    }

    @POST
    @Operation(summary = "Register a vehicle of a division inside your jurisdiction (DISPATCHER, WAREHOUSE_MANAGER,"
            + " ADMIN). base: a warehouse code for TRUCK and VAN, a port for BOAT, an air base for HELICOPTER (400"
            + " naming base otherwise); heightM, widthM, grossWeightT for road vehicles, rangeKm and sortieMinutes"
            + " for helicopters, speedKmh for boats, and none of them for the other kinds")
    public Response create(VehicleForm form) {
        VehicleView created = fleet.create(form);
        return Response.created(URI.create("vehicles/" + URLEncoder.encode(created.registration(),
                StandardCharsets.UTF_8))).entity(created).build();
    }

    @PUT
    @Path("{registration}")
    @Operation(summary = "Change a vehicle's description and base (not its kind); send the version you read (409"
            + " when stale)")
    public VehicleView update(@PathParam("registration") String registration, VehicleForm form) {
        return fleet.update(registration, form);
    }

    @POST
    @Path("{registration}/status")
    @Operation(summary = "Move a vehicle to AVAILABLE, ASSIGNED or OUT_OF_SERVICE with a reason (and optionally a"
            + " new availability window); 409 wrong-status when the change does not follow the current status")
    public VehicleView changeStatus(@PathParam("registration") String registration, StatusForm form) {
        return fleet.changeStatus(registration, form);
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", StockImportResource.XLSX})
    @Operation(summary = "Register many vehicles from a CSV (UTF-8 or GBK) or XLSX file with a header row:"
            + " registration, kind, division, capacityKg, capacityM3, base, ownerKind, dutyHoursPerDay, crewName,"
            + " crewPhone, and heightM, widthM, grossWeightT, rangeKm, sortieMinutes, speedKmh, availableFrom,"
            + " availableUntil as the kind needs (or their Chinese names: see the template). dryRun=true checks every row and writes nothing (200 with the bad rows); otherwise all"
            + " rows are registered in one transaction, or none (400 listing every bad row)")
    public ImportResult upload(byte[] content, @HeaderParam("Content-Type") String contentType,
                               @QueryParam("dryRun") boolean dryRun) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "is empty");
        }
        return Imports.answer(imports.importVehicles(content, Imports.isXlsx(contentType), dryRun));
    }

    @GET
    @Path("import/template")
    @Produces({StockImportResource.XLSX, "text/csv"})
    @Operation(summary = "The file to fill in for a vehicle import." + Imports.TEMPLATE_SUMMARY)
    public Response importTemplate(@QueryParam("format") String format, @QueryParam("lang") String lang) {
        return Imports.template(VehicleImportService.LAYOUT, format, lang);
    }

    static <E extends Enum<E>> E choice(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(name, "must be one of " + String.join(", ",
                    java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }
}
