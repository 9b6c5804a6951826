package org.reliefchain.web.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.ws.rs.core.Response;

import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.stock.imports.ImportLayout;
import org.reliefchain.stock.imports.ImportResult;
import org.reliefchain.stock.imports.ImportTemplate;

/**
 * What every file import answers: 200 for a dry run, 400 listing bad rows otherwise, as the stock import
 * gives it; and the template to fill in, next to each import.
 */
final class Imports {

    static final String TEMPLATE_SUMMARY = " format=xlsx (default: headers with notes in Chinese and English, a"
            + " second sheet describing every column) or csv (UTF-8 header row); lang=en for English headers"
            + " (Chinese by default). Either header language is accepted on import";

    private Imports() {
    }

    static boolean isXlsx(String contentType) {
        return contentType != null && contentType.startsWith(StockImportResource.XLSX);
    }

    static ImportResult answer(ImportResult result) {
        if (!result.dryRun() && !result.errors().isEmpty()) {
            throw new InvalidInputException(result.errors().stream()
                    .map(e -> new InvalidInputException.FieldError("line " + e.line() + ": " + e.field(), e.reason()))
                    .toList());
        }
        return result;
    }

    /** The template of an import as a download, named in the language asked for (ASCII for old clients). */
    static Response template(ImportLayout layout, String format, String lang) {
        boolean csv = "csv".equalsIgnoreCase(Params.text(format));
        if (!csv && Params.text(format) != null && !"xlsx".equalsIgnoreCase(Params.text(format))) {
            throw new InvalidInputException("format", "must be xlsx or csv");
        }
        Locale locale = Params.locale(lang);
        String extension = csv ? ".csv" : ".xlsx";
        byte[] body = csv ? ImportTemplate.csv(layout, locale) : ImportTemplate.xlsx(layout, locale);
        String named = URLEncoder.encode(layout.title(locale) + extension, StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(body, csv ? "text/csv; charset=UTF-8" : StockImportResource.XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + layout.name() + "-template" + extension
                        + "\"; filename*=UTF-8''" + named)
                .build();
    }
}
