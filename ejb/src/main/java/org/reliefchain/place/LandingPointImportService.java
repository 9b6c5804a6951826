package org.reliefchain.place;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.reliefchain.audit.AuditTrail;
import org.reliefchain.platform.InvalidInputException.FieldError;
import org.reliefchain.security.Caller;
import org.reliefchain.security.JurisdictionGuard;
import org.reliefchain.stock.imports.ImportColumn;
import org.reliefchain.stock.imports.ImportColumn.Kind;
import org.reliefchain.stock.imports.ImportLayout;
import org.reliefchain.stock.imports.ImportResult;
import org.reliefchain.stock.imports.ImportRow;
import org.reliefchain.stock.imports.SheetReader;

/**
 * Temporary helicopter landing points from a file, as the stock import does it: columns ({@link #LAYOUT};
 * header row, any order, English or Chinese) {@code code, nameZh, division, lon, lat} required,
 * {@code nameEn, note} optional. Every row is checked by the same rules as {@link PlaceService#create}; only when all pass
 * (and it is no dry run) are they created, in this one transaction.
 */
@Stateless
@RolesAllowed({"ADMIN", "DISPATCHER", "WAREHOUSE_MANAGER"})
public class LandingPointImportService {

    public static final ImportLayout LAYOUT = new ImportLayout("landing-points", "临时起降点导入模板",
            "Landing points import template", List.of(
            ImportColumn.required("code", "编码", Kind.TEXT, "LP-330324-001", "代码"),
            ImportColumn.required("nameZh", "名称", Kind.TEXT, "大若岩临时起降点", "中文名称"),
            ImportColumn.optional("nameEn", "英文名称", Kind.TEXT, "Daruoyan landing point"),
            ImportColumn.required("division", "区划代码", Kind.TEXT, "330324", "所属区划"),
            ImportColumn.required("lon", "经度", Kind.NUMBER, "120.71"),
            ImportColumn.required("lat", "纬度", Kind.NUMBER, "28.35"),
            ImportColumn.optional("note", "备注", Kind.TEXT, "学校操场")));

    @Inject
    private PlaceService places;
    @Inject
    private JurisdictionGuard guard;
    @Inject
    private AuditTrail audit;

    public ImportResult importLandingPoints(byte[] content, boolean xlsx, boolean dryRun) {
        Caller caller = guard.caller();
        // Landing points are the province's network: a county user's file is refused whole before it is read
        // (its rows were checked, and their faults shown, before the province-only refusal came).
        if (!PlaceKind.LANDING_POINT.editableBy(caller.jurisdiction(), caller.jurisdiction().root())) {
            throw new ProvinceOnlyException(PlaceKind.LANDING_POINT, caller.jurisdiction().root());
        }
        List<ImportRow> rows = SheetReader.read(content, xlsx, LAYOUT);
        List<ImportResult.RowError> errors = new ArrayList<>();
        List<PlaceForm> forms = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (ImportRow row : rows) {
            ImportCells cells = new ImportCells(row);
            PlaceForm form = new PlaceForm();
            form.setCode(cells.text("code"));
            form.setNameZh(cells.text("namezh"));
            form.setNameEn(cells.text("nameen"));
            form.setDivision(cells.text("division"));
            form.setLon(cells.number("lon"));
            form.setLat(cells.number("lat"));
            form.setNote(cells.text("note"));
            errors.addAll(cells.errors());
            if (cells.errors().isEmpty()) {
                for (FieldError e : places.checkNew(PlaceKind.LANDING_POINT, form, codes)) {
                    errors.add(new ImportResult.RowError(row.line(), e.field(), e.reason()));
                }
            }
            if (form.getCode() != null) {
                codes.add(form.getCode());
            }
            forms.add(form);
        }
        if (dryRun || !errors.isEmpty()) {
            return new ImportResult(rows.size(), dryRun, false, errors);
        }
        for (PlaceForm form : forms) {
            places.create(PlaceKind.LANDING_POINT, form);
        }
        audit.record("LANDING_POINTS_IMPORTED", "place-import", String.valueOf(rows.size()), rows.size()
                + " landing points imported by " + caller.username());
        return new ImportResult(rows.size(), false, true, List.of());
    }
}
