package org.reliefchain.stock.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.reliefchain.audit.AuditTrail;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.security.Caller;
import org.reliefchain.security.JurisdictionGuard;
import org.reliefchain.stock.MovementForm;
import org.reliefchain.stock.StockLedger;

/**
 * Opening balances and receipts from a file. Columns (header row, any order, case-insensitive):
 * {@code warehouse, material, lot, quantity} required; {@code productionDate, expiryDate, source,
 * unitCost, currency, owner, reason} optional. All rows are checked by the ledger's own receipt rules
 * first; only if every row passes (and it is no dry run) are they received, in this one transaction.
 */
@Stateless
@RolesAllowed("WAREHOUSE_MANAGER")
public class StockImportService {

    static final Set<String> REQUIRED = Set.of("warehouse", "material", "lot", "quantity");

    @Inject
    private StockLedger ledger;
    @Inject
    private JurisdictionGuard guard;
    @Inject
    private AuditTrail audit;

    public ImportResult importReceipts(byte[] content, boolean xlsx, boolean dryRun) {
        Caller caller = guard.caller();
        List<ImportRow> rows = SheetReader.read(content, xlsx);
        if (rows.isEmpty()) {
            throw new InvalidInputException("file", "has a header but no rows");
        }
        List<String> missing = REQUIRED.stream().filter(c -> !rows.get(0).cells().containsKey(c)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("file", "missing columns: " + String.join(", ", missing));
        }
        String fileKey = sha256(content).substring(0, 24);
        List<ImportResult.RowError> errors = new ArrayList<>();
        List<MovementForm> forms = new ArrayList<>();
        for (ImportRow row : rows) {
            MovementForm form = form(row, fileKey);
            List<InvalidInputException.FieldError> problems = ledger.checkReceipt(form);
            problems.forEach(err -> errors.add(new ImportResult.RowError(row.line(), err.field(), err.reason())));
            if (problems.isEmpty()) {
                forms.add(form);
            }
        }
        if (dryRun || !errors.isEmpty()) {
            return new ImportResult(rows.size(), dryRun, false, errors);
        }
        for (MovementForm form : forms) {
            ledger.record(form);
        }
        audit.record("STOCK_IMPORTED", "stock-import", fileKey, rows.size() + " receipts imported by "
                + caller.username());
        return new ImportResult(rows.size(), false, true, List.of());
    }

    private static MovementForm form(ImportRow row, String fileKey) {
        MovementForm f = new MovementForm();
        f.setType("RECEIPT");
        f.setWarehouse(row.get("warehouse"));
        f.setMaterial(row.get("material"));
        f.setLot(row.get("lot"));
        f.setQuantity(row.get("quantity"));
        f.setProductionDate(row.get("productiondate"));
        f.setExpiryDate(row.get("expirydate"));
        f.setSource(row.get("source"));
        f.setOwner(row.get("owner"));
        if (row.get("unitcost") != null) {
            MovementForm.MoneyForm cost = new MovementForm.MoneyForm();
            cost.setAmount(row.get("unitcost"));
            cost.setCurrency(row.get("currency") == null ? "CNY" : row.get("currency"));
            f.setUnitCost(cost);
        }
        f.setReason(row.get("reason") == null ? "批量导入（第 " + row.line() + " 行）" : row.get("reason"));
        f.setReference("IMPORT-" + fileKey);
        // the same file sent again replays instead of receiving twice
        f.setIdempotencyKey("import-" + fileKey + "-" + row.line());
        return f;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
