package org.reliefchain.finance.enterprise;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.reliefchain.audit.AuditTrail;
import org.reliefchain.place.ImportCells;
import org.reliefchain.platform.InvalidInputException.FieldError;
import org.reliefchain.security.JurisdictionGuard;
import org.reliefchain.stock.imports.ImportColumn;
import org.reliefchain.stock.imports.ImportColumn.Kind;
import org.reliefchain.stock.imports.ImportLayout;
import org.reliefchain.stock.imports.ImportResult;
import org.reliefchain.stock.imports.ImportRow;
import org.reliefchain.stock.imports.SheetReader;

/**
 * Enterprises from a file, as a finance office receives them from the market-supervision registry or a
 * tender list. Columns ({@link #LAYOUT}; header row, any order, English or Chinese): {@code name,
 * creditCode, division} required; {@code contactName, contactPhone, bankName, bankAccount} optional. The
 * division is its code or its exact Chinese name when only one division has that name (a spreadsheet
 * holds 永嘉县 more often than 330324). Every row is checked by the rules of
 * {@link EnterpriseService#register} (check character, jurisdiction, a code registered already or twice in
 * the file); only when all pass (and it is no dry run) are they registered, in this one transaction.
 */
@Stateless
@RolesAllowed({"ADMIN", "FINANCE"})
public class EnterpriseImportService {

    public static final ImportLayout LAYOUT = new ImportLayout("enterprises", "企业导入模板",
            "Enterprises import template", List.of(
            ImportColumn.required("name", "企业名称", Kind.TEXT, "温州市应急物资有限公司", "名称", "单位名称"),
            ImportColumn.required("creditCode", "统一社会信用代码", Kind.TEXT, "91330300MA2AB1CD2X", "信用代码",
                    "社会信用代码"),
            ImportColumn.required("division", "所在区划", Kind.TEXT, "330324", "区划", "区划代码", "所在地"),
            ImportColumn.optional("contactName", "联系人", Kind.TEXT, "王经理"),
            ImportColumn.optional("contactPhone", "联系电话", Kind.TEXT, "0577-88990011", "电话"),
            ImportColumn.optional("bankName", "开户银行", Kind.TEXT, "中国工商银行温州分行", "开户行"),
            ImportColumn.optional("bankAccount", "银行账号", Kind.TEXT, "1203200109000012345", "账号")));

    @Inject
    private EnterpriseService enterprises;
    @Inject
    private JurisdictionGuard guard;
    @Inject
    private AuditTrail audit;
    @PersistenceContext
    private EntityManager em;

    public ImportResult importEnterprises(byte[] content, boolean xlsx, boolean dryRun) {
        String who = guard.caller().username();
        List<ImportRow> rows = SheetReader.read(content, xlsx, LAYOUT);
        List<ImportResult.RowError> errors = new ArrayList<>();
        List<EnterpriseForm> forms = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (ImportRow row : rows) {
            ImportCells cells = new ImportCells(row);
            EnterpriseForm form = new EnterpriseForm(cells.text("name"), upper(cells.text("creditcode")),
                    division(cells), cells.text("contactname"), cells.text("contactphone"), cells.text("bankname"),
                    cells.text("bankaccount"), null, null);
            errors.addAll(cells.errors());
            Set<String> faulted = new HashSet<>();
            cells.errors().forEach(e -> faulted.add(e.field()));
            for (FieldError e : enterprises.checkNew(form, codes)) {
                if (!faulted.contains(e.field())) {
                    errors.add(new ImportResult.RowError(row.line(), e.field(), e.reason()));
                }
            }
            if (form.creditCode() != null) {
                codes.add(form.creditCode());
            }
            forms.add(form);
        }
        if (dryRun || !errors.isEmpty()) {
            return new ImportResult(rows.size(), dryRun, false, errors);
        }
        forms.forEach(enterprises::register);
        audit.record("ENTERPRISES_IMPORTED", "enterprise-import", String.valueOf(rows.size()), rows.size()
                + " enterprises imported by " + who);
        return new ImportResult(rows.size(), false, true, List.of());
    }

    /** The division's code: as written when it is digits, else the one division of that exact name. */
    private String division(ImportCells cells) {
        String text = cells.text("division");
        if (text == null || text.chars().allMatch(Character::isDigit)) {
            return text;
        }
        List<String> named = em.createQuery("select d.code from Division d where d.nameZh = :n or lower(d.nameEn) = :e",
                        String.class).setParameter("n", text).setParameter("e", text.toLowerCase(java.util.Locale.ROOT))
                .setMaxResults(5).getResultList();
        if (named.size() == 1) {
            return named.get(0);
        }
        cells.reject("division", named.isEmpty() ? "'" + text + "' names no division; write its name as the"
                + " division list does, or its code"
                : "'" + text + "' names " + named.size() + " or more divisions (" + String.join(", ", named)
                + "); write the code");
        return null;
    }

    /** Credit codes are upper case; people paste them in either. */
    private static String upper(String code) {
        return code == null ? null : code.toUpperCase(java.util.Locale.ROOT);
    }
}
