package org.reliefchain.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.stock.imports.ImportResult;
import org.reliefchain.stock.imports.StockImportService;

/** Bulk opening balances and receipts. */
@Path("stock/imports")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class StockImportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    private StockImportService imports;

    @POST
    @Consumes({"text/csv", XLSX})
    @Operation(summary = "Receive many lots from a CSV (UTF-8) or XLSX file with a header row: warehouse, material,"
            + " lot, quantity required; productionDate, expiryDate, source, unitCost, currency, owner, reason optional."
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
}
