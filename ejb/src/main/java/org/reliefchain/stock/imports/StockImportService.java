package org.reliefchain.stock.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.reliefchain.audit.AuditTrail;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.security.Caller;
import org.reliefchain.security.JurisdictionGuard;
import org.reliefchain.stock.MovementForm;
import org.reliefchain.stock.StockLedger;
import org.reliefchain.stock.imports.ImportColumn.Kind;

/**
 * Opening balances and receipts from a file. Columns ({@link #LAYOUT}; header row, any order, English or
 * Chinese): {@code warehouse, material, lot, quantity} required; {@code productionDate, expiryDate, source,
 * unitCost, currency, owner, reason} optional. All rows are checked by the ledger's own receipt rules
 * first; only if every row passes (and it is no dry run) are they received, in this one transaction.
 */
@Stateless
@RolesAllowed("WAREHOUSE_MANAGER")
public class StockImportService {

    public static final ImportLayout LAYOUT = new ImportLayout("stock-receipts", "物资入库导入模板",
            "Stock receipts import template", List.of(
            ImportColumn.required("warehouse", "仓库", Kind.TEXT, "ZJ-330324", "仓库编码", "仓库代码", "储备库"),
            ImportColumn.required("material", "物资", Kind.TEXT, "QUILT-COTTON", "物资编码", "物资代码"),
            ImportColumn.required("lot", "批次号", Kind.TEXT, "2026-001", "批次", "批号"),
            ImportColumn.required("quantity", "数量", Kind.NUMBER, "1200", "入库数量"),
            ImportColumn.optional("productionDate", "生产日期", Kind.DATE, "2026-05-20"),
            ImportColumn.optional("expiryDate", "有效期至", Kind.DATE, "2029-05-19", "有效期", "失效日期", "到期日期"),
            ImportColumn.optional("source", "来源", Kind.TEXT, "PURCHASE", "物资来源")
                    .choosing("PURCHASE, DONATION, TRANSFER, AGREEMENT, REQUISITION"),
            ImportColumn.optional("unitCost", "单价", Kind.NUMBER, "150.00", "单价(元)"),
            ImportColumn.optional("currency", "币种", Kind.TEXT, "CNY"),
            ImportColumn.optional("owner", "权属单位", Kind.TEXT, "ZJ-330324", "权属", "货主"),
            ImportColumn.optional("reason", "事由", Kind.TEXT, "2026年采购入库", "原因", "入库事由")));

    @Inject
    private StockLedger ledger;
    @Inject
    private JurisdictionGuard guard;
    @Inject
    private AuditTrail audit;

    public ImportResult importReceipts(byte[] content, boolean xlsx, boolean dryRun) {
        Caller caller = guard.caller();
        List<ImportRow> rows = SheetReader.read(content, xlsx, LAYOUT);
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
