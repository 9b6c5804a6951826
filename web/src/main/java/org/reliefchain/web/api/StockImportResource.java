package org.reliefchain.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.stock.imports.ImportResult;
import org.reliefchain.stock.imports.StockImportService;

/** Bulk opening balances and receipts. */
@Path("stock/imports")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class StockImportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    private StockImportService imports;

    @POST
    @Consumes({"text/csv", XLSX})
    @Operation(summary = "Receive many lots from a CSV (UTF-8 or GBK) or XLSX file with a header row: warehouse,"
            + " material, lot, quantity required; productionDate, expiryDate, source, unitCost, currency, owner, reason"
            + " optional (or 仓库, 物资, 批次号, 数量, 生产日期, 有效期至, 来源, 单价, 币种, 权属单位, 事由; see the template)."
            + " dryRun=true checks every row and writes nothing (200 with the bad rows); otherwise all rows are"
            + " received in one transaction, or none (400 listing every bad row). The same file sent again changes"
            + " nothing.")
    public ImportResult upload(byte[] content, @HeaderParam("Content-Type") String contentType,
                               @QueryParam("dryRun") boolean dryRun) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "is empty");
        }
        ImportResult result = imports.importReceipts(content, contentType != null && contentType.startsWith(XLSX), dryRun);
        if (!dryRun && !result.errors().isEmpty()) {
            throw new InvalidInputException(result.errors().stream()
                    .map(e -> new InvalidInputException.FieldError("line " + e.line() + ": " + e.field(), e.reason()))
                    .toList());
        }
        return result;
    }

    @GET
    @Path("template")
    @Produces({XLSX, "text/csv"})
    @Operation(summary = "The file to fill in for a stock import." + Imports.TEMPLATE_SUMMARY)
    public Response template(@QueryParam("format") String format, @QueryParam("lang") String lang) {
        return Imports.template(StockImportService.LAYOUT, format, lang);
    }
}
