package org.reliefchain.web.api;

import java.net.URI;

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
import org.reliefchain.place.LandingPointImportService;
import org.reliefchain.place.PlaceForm;
import org.reliefchain.place.PlaceKind;
import org.reliefchain.place.PlaceQuery;
import org.reliefchain.place.PlaceService;
import org.reliefchain.place.PlaceView;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.stock.imports.ImportResult;

/** Temporary helicopter landing points (临时起降点), editable by the province. */
@Path("landing-points")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class LandingPointResource {

    @Inject
    private PlaceService places;

    @Inject
    private LandingPointImportService imports;

    @GET
    @Operation(summary = "Temporary helicopter landing points (临时起降点); synthetic marks demo ones; division includes its "
            + "subtree, q matches name or code")
    public Page<PlaceView> list(@QueryParam("division") String division, @QueryParam("q") String q,
                                @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return places.list(new PlaceQuery(PlaceKind.LANDING_POINT, Params.division("division", division), q),
                PageRequest.of(page, size));
    }

    @GET
    @Path("{code}")
    public PlaceView get(@PathParam("code") String code) {
        return places.get(PlaceKind.LANDING_POINT, code);
    }

    @POST
    @Operation(summary = "Add a landing point (the province only: DISPATCHER, WAREHOUSE_MANAGER, ADMIN of 33)")
    public Response create(PlaceForm form) {
        PlaceView created = places.create(PlaceKind.LANDING_POINT, form);
        return Response.created(URI.create("landing-points/" + created.code())).entity(created).build();
    }

    @PUT
    @Path("{code}")
    @Operation(summary = "Change it; send the version you read (409 when stale). A new position is marked ENTERED")
    public PlaceView update(@PathParam("code") String code, PlaceForm form) {
        return places.update(PlaceKind.LANDING_POINT, code, form);
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", StockImportResource.XLSX})
    @Operation(summary = "Add many landing points from a CSV (UTF-8 or GBK) or XLSX file with a header row: code,"
            + " nameZh, division, lon, lat required; nameEn, note optional (or 编码, 名称, 区划代码, 经度, 纬度, 英文名称,"
            + " 备注). dryRun=true checks every row and writes nothing"
            + " (200 with the bad rows); otherwise all rows are added in one transaction, or none (400 listing every"
            + " bad row). The province only")
    public ImportResult upload(byte[] content, @HeaderParam("Content-Type") String contentType,
                               @QueryParam("dryRun") boolean dryRun) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "is empty");
        }
        return Imports.answer(imports.importLandingPoints(content, Imports.isXlsx(contentType), dryRun));
    }

    @GET
    @Path("import/template")
    @Produces({StockImportResource.XLSX, "text/csv"})
    @Operation(summary = "The file to fill in for a landing point import." + Imports.TEMPLATE_SUMMARY)
    public Response importTemplate(@QueryParam("format") String format, @QueryParam("lang") String lang) {
        return Imports.template(LandingPointImportService.LAYOUT, format, lang);
    }
}
