package org.reliefchain.web.api;

import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.stock.imports.ImportResult;

/** The answer of a file import, as the stock import gives it: 200 for a dry run, 400 listing bad rows otherwise. */
final class Imports {

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
}
