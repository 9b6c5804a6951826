package org.reliefchain.incident;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.reliefchain.audit.AuditTrail;
import org.reliefchain.catalog.Material;
import org.reliefchain.division.Division;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.platform.Clock;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.NotFoundException;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.security.Caller;
import org.reliefchain.security.JurisdictionGuard;
import org.reliefchain.security.OutsideJurisdictionException;

/**
 * Relief standards, the demand they give for an incident's affected people, the dispatcher's
 * overrides, and demand against usable stock. Demand is computed when asked, from the current reports
 * and the current standards (the answer names the standards' version), so it is never stale.
 */
@Stateless
@PermitAll
public class DemandService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private IncidentService incidents;

    @Inject
    private AffectedService affected;

    @Inject
    private JurisdictionGuard guard;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    public StandardsView standards() {
        StandardVersion v = currentVersion();
        List<StandardLine> lines = em.createQuery("select s from ReliefStandard s where s.version = :v"
                        + " order by s.materialCode", ReliefStandard.class)
                .setParameter("v", v.version()).getResultList().stream().map(ReliefStandard::line).toList();
        return new StandardsView(v.version(), v.createdAt(), v.actor(), v.note(), lines);
    }

    /** Saves the standards as a new version; the province sets them. */
    @RolesAllowed({"ADMIN", "DISPATCHER"})
    public StandardsView saveStandards(List<StandardLine> lines, String note) {
        Caller caller = guard.caller();
        DivisionCode province = DivisionCode.of("33");
        if (!caller.jurisdiction().root().equals(province)) {
            throw new OutsideJurisdictionException(caller.jurisdiction().root(), province, "the relief standards");
        }
        if (lines == null || lines.isEmpty() || lines.size() > 200) {
            throw new InvalidInputException("lines", "send 1 to 200 standard lines");
        }
        if (note == null || note.isBlank() || note.length() > 300 || Incident.hasControl(note)) {
            throw new InvalidInputException("note", "say what changed and why (at most 300 characters)");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            StandardLine l = lines.get(i);
            if (l == null) {
                throw new InvalidInputException("lines[" + i + "]", "is empty");
            }
            l.check("lines[" + i + "]");
            if (em.find(Material.class, l.material()) == null) {
                throw new InvalidInputException("lines[" + i + "].material", "material " + l.material() + " is not in the catalogue");
            }
            if (!seen.add(l.material())) {
                throw new InvalidInputException("lines[" + i + "].material", "material " + l.material() + " appears twice");
            }
        }
        int next = currentVersion().version() + 1;
        em.persist(new StandardVersion(next, clock.now(), caller.username(), note.trim()));
        em.flush();
        lines.forEach(l -> em.persist(new ReliefStandard(next, l)));
        em.flush();
        audit.record("RELIEF_STANDARDS_SAVED", "relief_standard", String.valueOf(next), lines.size() + " lines: " + note.trim());
        return standards();
    }

    /** Demand lines of the points the caller may see, by priority then point, filtered by division and material. */
    public Page<DemandView> demand(long incidentId, String division, String material, PageRequest page) {
        List<DemandView> all = demandLines(incidentId, division, material);
        int from = Math.min(all.size(), page.offset());
        int to = Math.min(all.size(), from + page.size());
        return new Page<>(all.subList(from, to), all.size(), page.page(), page.size());
    }

    /** Every demand line of the points the caller may see (for planning); see {@link #demand}. */
    public List<DemandView> demandLines(long incidentId, String division, String material) {
        Caller caller = guard.caller();
        Incident incident = incidents.visible(incidentId, caller);
        String within = caller.jurisdiction().root().value();
        if (division != null && !division.isBlank()) {
            DivisionCode d = DivisionCode.parse("division", division);
            caller.jurisdiction().requireCovers(d, "demand in division " + d);
            within = d.value();
        }
        return linesWithin(incident, within, material);
    }

    /**
     * The demand lines of the points under {@code within} (a division code prefix; the caller has been
     * checked already, or the figures are read for the whole incident and narrowed afterwards, as the
     * delivery report does so that its figures do not depend on who reads them).
     */
    public List<DemandView> linesWithin(Incident incident, String within, String material) {
        StandardsView standards = standards();
        List<StandardLine> lines = standards.lines().stream()
                .filter(s -> material == null || material.isBlank() || s.material().equals(material)).toList();
        List<AffectedReport> reports = affected.latest(incident, within);
        Map<String, Division> names = affected.divisions(reports.stream().map(AffectedReport::divisionCode).toList());
        List<DemandCalculator.Point> points = reports.stream().map(r -> new DemandCalculator.Point(r.divisionCode(),
                names.containsKey(r.divisionCode()) ? names.get(r.divisionCode()).nameZh() : r.divisionCode(),
                r.divisionCode().substring(0, 6), r.figures())).toList();
        Map<String, DemandOverride> overrides = overrides(incident.id(), within);
        Map<String, Material> materials = materials();
        return DemandCalculator.lines(points, standards.version(), lines, incident.demandDays(), overrides).stream()
                .sorted(Comparator.comparingInt(DemandCalculator.Line::priority)
                        .thenComparing(DemandCalculator.Line::division).thenComparing(DemandCalculator.Line::material))
                .map(l -> {
                    Material m = materials.get(l.material());
                    return new DemandView(l.division(), l.name(), l.county(), l.material(), m == null ? l.material()
                            : m.nameZh(), m == null ? "" : m.unitZh(), l.people(), l.computed(), l.overridden(),
                            l.overrideReason(), l.quantity(), l.priority(), l.standardVersion());
                }).toList();
    }

    /** Sets a dispatcher's figure for one line, with the reason; the computed figure stays visible. */
    @RolesAllowed({"ADMIN", "DISPATCHER"})
    public DemandView override(long incidentId, String division, String material, BigDecimal quantity, String reason) {
        Caller caller = guard.caller();
        Incident incident = incidents.runnable(incidentId, caller);
        incident.requireOpen();
        DivisionCode d = DivisionCode.parse("division", division);
        if (!incident.affects(d)) {
            throw new InvalidInputException("division", "division " + d + " is not affected by incident " + incident.number());
        }
        if (material == null || Incident.hasControl(material) || material.length() > 24
                || em.find(Material.class, material) == null) {
            throw new InvalidInputException("material", "material " + material + " is not in the catalogue");
        }
        if (quantity == null || quantity.signum() < 0 || quantity.compareTo(new BigDecimal("100000000")) >= 0
                || quantity.stripTrailingZeros().scale() > 0) {
            throw new InvalidInputException("quantity", "must be a whole number from 0 to 99,999,999");
        }
        if (reason == null || reason.isBlank() || reason.length() > 300 || Incident.hasControl(reason)) {
            throw new InvalidInputException("reason", "say why the computed figure does not fit (at most 300 characters)");
        }
        // checked before anything is written: an override no demand line would show is refused
        List<DemandView> here = demandLines(incidentId, d.value(), null).stream()
                .filter(l -> l.division().equals(d.value())).toList();
        if (here.isEmpty()) {
            throw new InvalidInputException("division", "no affected people are reported or estimated for " + d
                    + " in incident " + incident.number() + ": report them before changing its demand",
                    "no-demand-point", d.value());
        }
        if (here.stream().noneMatch(l -> l.material().equals(material))) {
            throw new InvalidInputException("material", "the relief standard gives " + d + " no " + material
                    + " in incident " + incident.number(), "no-demand-line", d.value());
        }
        em.persist(new DemandOverride(incident.id(), d.value(), material, quantity, reason.trim(), caller.username(),
                clock.now()));
        em.flush();
        incidents.history(incident, "DEMAND_OVERRIDE", d, d + " " + material + " = " + quantity.toPlainString(), reason.trim());
        return demandLines(incidentId, d.value(), material).stream().filter(l -> l.division().equals(d.value()))
                .findFirst().orElseThrow(() -> new NotFoundException("demand line", d + "/" + material));
    }

    /** Demand against usable stock in the caller's jurisdiction, by material and by county. */
    public SupplyView supply(long incidentId) {
        Caller caller = guard.caller();
        String within = caller.jurisdiction().root().value();
        List<DemandView> lines = demandLines(incidentId, null, null);
        Map<String, BigDecimal> neededByMaterial = new TreeMap<>();
        Map<String, BigDecimal> neededByCounty = new TreeMap<>();
        for (DemandView l : lines) {
            neededByMaterial.merge(l.material(), l.quantity(), BigDecimal::add);
            neededByCounty.merge(l.county() + "/" + l.material(), l.quantity(), BigDecimal::add);
        }
        Map<String, BigDecimal> availableByMaterial = new HashMap<>();
        Map<String, BigDecimal> availableByCounty = new HashMap<>();
        List<String> materials = standards().lines().stream().map(StandardLine::material).toList();
        LocalDate today = LocalDate.ofInstant(clock.now(), CHINA);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select substr(w.division_code, 1, 6), l.material_code,"
                        + " sum(b.quantity) from stock_balance b join stock_lot l on l.id = b.lot_id"
                        + " join warehouse w on w.id = b.warehouse_id where w.status = 'ACTIVE' and w.division_code like ?1"
                        + " and (l.expiry_date is null or l.expiry_date >= ?2) and l.material_code = any (?3)"
                        + " and b.quantity > 0 group by 1, 2")
                .setParameter(1, within + "%").setParameter(2, today)
                .setParameter(3, materials.toArray(new String[0])).getResultList();
        for (Object[] r : rows) {
            BigDecimal q = (BigDecimal) r[2];
            availableByMaterial.merge((String) r[1], q, BigDecimal::add);
            availableByCounty.merge(r[0] + "/" + r[1], q, BigDecimal::add);
        }
        Map<String, Material> catalogue = materials();
        List<SupplyView.MaterialSupply> byMaterial = new ArrayList<>();
        for (String m : materials) {
            BigDecimal needed = neededByMaterial.getOrDefault(m, BigDecimal.ZERO);
            BigDecimal available = availableByMaterial.getOrDefault(m, BigDecimal.ZERO);
            Material mat = catalogue.get(m);
            byMaterial.add(new SupplyView.MaterialSupply(m, mat == null ? m : mat.nameZh(), mat == null ? "" : mat.unitZh(),
                    needed, available, needed.subtract(available).max(BigDecimal.ZERO)));
        }
        Map<String, Division> counties = affected.divisions(neededByCounty.keySet().stream()
                .map(k -> k.substring(0, k.indexOf('/'))).toList());
        List<SupplyView.CountySupply> byCounty = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> e : neededByCounty.entrySet()) {
            String county = e.getKey().substring(0, e.getKey().indexOf('/'));
            String m = e.getKey().substring(e.getKey().indexOf('/') + 1);
            BigDecimal available = availableByCounty.getOrDefault(e.getKey(), BigDecimal.ZERO);
            Division c = counties.get(county);
            byCounty.add(new SupplyView.CountySupply(county, c == null ? county : c.nameZh(), m, e.getValue(), available,
                    e.getValue().subtract(available).max(BigDecimal.ZERO)));
        }
        return new SupplyView(within, standards().version(), byMaterial, byCounty);
    }

    private Map<String, DemandOverride> overrides(long incidentId, String within) {
        Map<String, DemandOverride> out = new HashMap<>();
        em.createQuery("select o from DemandOverride o where o.incidentId = :i and o.divisionCode like :w order by o.id",
                        DemandOverride.class).setParameter("i", incidentId).setParameter("w", within + "%")
                .getResultList().forEach(o -> out.put(DemandCalculator.key(o.divisionCode(), o.materialCode()), o));
        return out;
    }

    private Map<String, Material> materials() {
        Map<String, Material> out = new HashMap<>();
        em.createQuery("select m from Material m", Material.class).getResultList().forEach(m -> out.put(m.code(), m));
        return out;
    }

    private StandardVersion currentVersion() {
        return em.createQuery("select v from StandardVersion v order by v.version desc", StandardVersion.class)
                .setMaxResults(1).getResultStream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no relief standards: migration V7 seeds version 1"));
    }
}
