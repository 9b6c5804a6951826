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
import org.reliefchain.stock.imports.ImportResult;
import org.reliefchain.stock.imports.ImportRow;
import org.reliefchain.stock.imports.SheetReader;

/**
 * Vehicles from a file, as the stock import does it. Columns (header row, any order, case-insensitive):
 * {@code registration, kind, division, capacityKg, capacityM3, base, ownerKind, dutyHoursPerDay,
 * crewName, crewPhone} required; {@code heightM, widthM, grossWeightT} (trucks, vans), {@code rangeKm,
 * sortieMinutes} (helicopters), {@code speedKmh} (boats), {@code availableFrom, availableUntil} as the
 * kind needs. Every row is checked by the rules of {@link FleetService#create}; only when all pass (and
 * it is no dry run) are they registered, in this one transaction.
 */
@Stateless
@RolesAllowed({"ADMIN", "DISPATCHER", "WAREHOUSE_MANAGER"})
public class VehicleImportService {

    static final Set<String> REQUIRED = Set.of("registration", "kind", "division", "capacitykg", "capacitym3", "base",
            "ownerkind", "dutyhoursperday", "crewname", "crewphone");

    @Inject
    private FleetService fleet;
    @Inject
    private JurisdictionGuard guard;
    @Inject
    private AuditTrail audit;

    public ImportResult importVehicles(byte[] content, boolean xlsx, boolean dryRun) {
        Caller caller = guard.caller();
        List<ImportRow> rows = SheetReader.read(content, xlsx);
        ImportCells.requireColumns(rows, REQUIRED);
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
