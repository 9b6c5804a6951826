package org.reliefchain.web.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import org.reliefchain.stock.imports.ImportResult;
import org.reliefchain.stock.imports.StockImportService;

/**
 * Bulk receipts from a spreadsheet, the way a manager works: check the file first (nothing is written), read
 * the bad rows one by one with their line and column, fix them, check again, then import all rows or none.
 */
@Named
@ViewScoped
public class ImportDesk implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_BYTES = 20 * 1024 * 1024;

    @Inject
    private StockImportService imports;
    @Inject
    private LocaleSelector locale;

    private transient Part file;
    /** The file last checked, kept so that "import" writes exactly what was checked. */
    private byte[] checked;
    private String checkedName;
    private ImportResult result;

    /** Reads the chosen file and checks every row; writes nothing. */
    public void check() {
        if (file == null || file.getSize() == 0) {
            FacesMessages.error(locale.text("import.chooseFile"));
            return;
        }
        if (file.getSize() > MAX_BYTES) {
            FacesMessages.error(locale.text("import.tooLarge"));
            return;
        }
        try (InputStream in = file.getInputStream()) {
            checked = in.readAllBytes();
        } catch (IOException e) {
            FacesMessages.error(locale.text("import.unreadable"));
            return;
        }
        checkedName = file.getSubmittedFileName();
        result = FacesMessages.attempt(() -> imports.importReceipts(checked, xlsx(), true));
        if (result == null) {
            checked = null;
        } else if (result.errors().isEmpty()) {
            FacesMessages.info(locale.text("import.allGood", result.rows()));
        }
    }

    /** Imports the checked file: every row in one transaction, or none. */
    public void importChecked() {
        if (checked == null || result == null || !result.errors().isEmpty()) {
            FacesMessages.error(locale.text("import.checkFirst"));
            return;
        }
        ImportResult done = FacesMessages.attempt(() -> imports.importReceipts(checked, xlsx(), false));
        if (done != null && done.written()) {
            FacesMessages.info(locale.text("import.done", done.rows(), checkedName));
            checked = null;
            result = null;
        } else if (done != null) {
            result = done;
        }
    }

    /** A workbook starts like a zip file; anything else is read as CSV. */
    private boolean xlsx() {
        return checked.length > 1 && checked[0] == 'P' && checked[1] == 'K';
    }

    /** The column at fault in the user's words where the bundle has them. */
    public String column(ImportResult.RowError e) {
        String key = "field." + Refusals.leaf(e.field());
        return locale.hasText(key) ? locale.text(key) : e.field();
    }

    public boolean isReady() {
        return checked != null && result != null && result.errors().isEmpty();
    }

    public List<ImportResult.RowError> getErrors() {
        return result == null ? List.of() : result.errors();
    }

    public Part getFile() { return file; }
    public void setFile(Part file) { this.file = file; }
    public ImportResult getResult() { return result; }
    public String getCheckedName() { return checkedName; }
}
