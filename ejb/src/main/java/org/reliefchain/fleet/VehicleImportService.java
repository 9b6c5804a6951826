package org.reliefchain.fleet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.reliefchain.audit.AuditTrail;
import org.reliefchain.place.ImportCells;
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
 * Vehicles from a file, as the stock import does it. Columns ({@link #LAYOUT}; header row, any order,
 * English or Chinese): {@code registration, kind, division, capacityKg, capacityM3, base, ownerKind,
 * dutyHoursPerDay, crewName, crewPhone} required; {@code heightM, widthM, grossWeightT} (trucks, vans),
 * {@code rangeKm, sortieMinutes} (helicopters), {@code speedKmh} (boats), {@code availableFrom,
 * availableUntil} as the kind needs. Every row is checked by the rules of {@link FleetService#create}; only
 * when all pass (and it is no dry run) are they registered, in this one transaction.
 */
@Stateless
@RolesAllowed({"ADMIN", "DISPATCHER", "WAREHOUSE_MANAGER"})
public class VehicleImportService {

    /** Chinese headers as the fleet page labels its fields; units are part of a header, never guessed. */
    public static final ImportLayout LAYOUT = new ImportLayout("vehicles", "运力导入模板", "Vehicles import template",
            List.of(
            ImportColumn.required("registration", "号牌", Kind.TEXT, "浙C12345", "号牌/注册号", "车牌号", "注册号"),
            ImportColumn.required("kind", "类型", Kind.TEXT, "TRUCK", "运力类型").choosing("TRUCK, VAN, BOAT, HELICOPTER"),
            ImportColumn.required("division", "区划代码", Kind.TEXT, "330324", "所属区划"),
            ImportColumn.required("capacityKg", "载重（千克）", Kind.NUMBER, "8000", "载重(kg)", "载重(公斤)"),
            ImportColumn.required("capacityM3", "容积（立方米）", Kind.NUMBER, "30", "容积(m3)", "容积(方)"),
            ImportColumn.optional("heightM", "车高（米）", Kind.NUMBER, "3.6", "车高(m)"),
            ImportColumn.optional("widthM", "车宽（米）", Kind.NUMBER, "2.5", "车宽(m)"),
            ImportColumn.optional("grossWeightT", "总质量（吨）", Kind.NUMBER, "16", "总质量(t)"),
            ImportColumn.optional("rangeKm", "单架次航程（千米）", Kind.NUMBER, "600", "航程(km)", "航程(千米)"),
            ImportColumn.optional("sortieMinutes", "每架次地面作业（分钟）", Kind.NUMBER, "20"),
            ImportColumn.optional("speedKmh", "航速（千米/小时）", Kind.NUMBER, "22", "航速(km/h)"),
            ImportColumn.required("base", "驻地", Kind.TEXT, "ZJ-330324", "驻地编码"),
            ImportColumn.required("ownerKind", "权属", Kind.TEXT, "OWNED").choosing("OWNED, CONTRACTED, REQUISITIONED"),
            ImportColumn.required("dutyHoursPerDay", "每日值勤（小时）", Kind.NUMBER, "12"),
            ImportColumn.required("crewName", "联系人", Kind.TEXT, "王师傅"),
            ImportColumn.required("crewPhone", "联系电话", Kind.TEXT, "13905770001"),
            ImportColumn.optional("availableFrom", "可用起", Kind.INSTANT, "2026-08-10 08:00", "可用开始时间"),
            ImportColumn.optional("availableUntil", "可用止", Kind.INSTANT, "2026-08-20 20:00", "可用结束时间")));

    @Inject
    private FleetService fleet;
    @Inject
    private JurisdictionGuard guard;
    @Inject
    private AuditTrail audit;

    public ImportResult importVehicles(byte[] content, boolean xlsx, boolean dryRun) {
        Caller caller = guard.caller();
        List<ImportRow> rows = SheetReader.read(content, xlsx, LAYOUT);
        List<ImportResult.RowError> errors = new ArrayList<>();
        List<VehicleForm> forms = new ArrayList<>();
        Set<String> registrations = new HashSet<>();
        for (ImportRow row : rows) {
            ImportCells cells = new ImportCells(row);
            VehicleForm form = form(cells);
            errors.addAll(cells.errors());
            if (cells.errors().isEmpty()) {
                for (FieldError e : fleet.checkNew(form, registrations)) {
                    errors.add(new ImportResult.RowError(row.line(), e.field(), e.reason()));
                }
            }
            if (form.getRegistration() != null) {
                registrations.add(form.getRegistration().trim().toUpperCase(java.util.Locale.ROOT));
            }
            forms.add(form);
        }
        if (dryRun || !errors.isEmpty()) {
            return new ImportResult(rows.size(), dryRun, false, errors);
        }
        for (VehicleForm form : forms) {
            fleet.create(form);
        }
        audit.record("VEHICLES_IMPORTED", "vehicle-import", String.valueOf(rows.size()), rows.size()
                + " vehicles imported by " + caller.username());
        return new ImportResult(rows.size(), false, true, List.of());
    }

    private static VehicleForm form(ImportCells c) {
        VehicleForm f = new VehicleForm();
        f.setRegistration(c.text("registration"));
        f.setKind(c.choice("kind", VehicleKind.class));
        f.setDivision(c.text("division"));
        f.setCapacityKg(c.decimal("capacitykg"));
        f.setCapacityM3(c.decimal("capacitym3"));
        f.setHeightM(c.decimal("heightm"));
        f.setWidthM(c.decimal("widthm"));
        f.setGrossWeightT(c.decimal("grossweightt"));
        f.setRangeKm(c.decimal("rangekm"));
        f.setSortieMinutes(c.integer("sortieminutes"));
        f.setSpeedKmh(c.decimal("speedkmh"));
        f.setBase(c.text("base"));
        f.setOwnerKind(c.choice("ownerkind", OwnerKind.class));
        f.setAvailableFrom(c.instant("availablefrom"));
        f.setAvailableUntil(c.instant("availableuntil"));
        f.setDutyHoursPerDay(c.decimal("dutyhoursperday"));
        f.setCrewName(c.text("crewname"));
        f.setCrewPhone(c.text("crewphone"));
        return f;
    }
}
