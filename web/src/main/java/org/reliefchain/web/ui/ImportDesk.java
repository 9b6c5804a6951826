package org.reliefchain.web.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import org.reliefchain.finance.enterprise.EnterpriseImportService;
import org.reliefchain.stock.imports.ImportResult;
import org.reliefchain.stock.imports.StockImportService;

/**
 * Bulk receipts (warehouse managers) or enterprises (finance staff) from a spreadsheet, the way people work:
 * check the file first (nothing is written), read the bad rows one by one with their line and column, fix
 * them, check again, then import all rows or none. {@code ?kind=enterprises} picks the enterprise import;
 * receipts otherwise.
 */
@Named
@ViewScoped
public class ImportDesk implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_BYTES = 20 * 1024 * 1024;

    @Inject
    private StockImportService imports;
    @Inject
    private EnterpriseImportService enterpriseImports;
    @Inject
    private LocaleSelector locale;

    private String kind;
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
        result = FacesMessages.attempt(() -> run(true));
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
        ImportResult done = FacesMessages.attempt(() -> run(false));
        if (done != null && done.written()) {
            FacesMessages.info(locale.text("import.done", done.rows(), checkedName));
            checked = null;
            result = null;
        } else if (done != null) {
            result = done;
        }
    }

    private ImportResult run(boolean dryRun) {
        return isEnterprises() ? enterpriseImports.importEnterprises(checked, xlsx(), dryRun)
                : imports.importReceipts(checked, xlsx(), dryRun);
    }

    public boolean isEnterprises() {
        return "enterprises".equals(kind);
    }

    /** The bundle key of this import's {@code text}: the receipt import's keys have no infix. */
    public String key(String text) {
        return isEnterprises() ? "import.enterprises." + text : "import." + text;
    }

    /** Where this import's template downloads from, under the application's context path. */
    public String getTemplatePath() {
        return isEnterprises() ? "/api/enterprises/import/template" : "/api/stock/imports/template";
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

    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public Part getFile() { return file; }
    public void setFile(Part file) { this.file = file; }
    public ImportResult getResult() { return result; }
    public String getCheckedName() { return checkedName; }
}
