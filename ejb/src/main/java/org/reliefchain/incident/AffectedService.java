package org.reliefchain.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.reliefchain.audit.AuditTrail;
import org.reliefchain.division.Division;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.division.DivisionLevel;
import org.reliefchain.platform.Clock;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.security.Caller;
import org.reliefchain.place.ImportCells;
import org.reliefchain.security.JurisdictionGuard;
import org.reliefchain.stock.imports.ImportColumn;
import org.reliefchain.stock.imports.ImportColumn.Kind;
import org.reliefchain.stock.imports.ImportLayout;
import org.reliefchain.stock.imports.ImportResult;
import org.reliefchain.stock.imports.ImportRow;
import org.reliefchain.stock.imports.SheetReader;

/**
 * Affected people per demand point: append-only reports (the latest counts), and estimates from
 * population where nothing is reported yet. A read-only viewer (a county inside someone else's
 * incident) sees only the points inside their jurisdiction.
 */
@Stateless
@PermitAll
public class AffectedService {

    /** Reports in one request, so that a whole county's villages go in one transaction. */
    public static final int MAX_BATCH = 30_000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private IncidentService incidents;

    @Inject
    private JurisdictionGuard guard;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    /** Records reports, all or none: the first bad entry refuses the batch, naming its index. */
    @RolesAllowed({"ADMIN", "DISPATCHER"})
    public List<AffectedView> report(long incidentId, List<AffectedEntry> entries) {
        Caller caller = guard.caller();
        Incident incident = incidents.runnable(incidentId, caller);
        if (incident.status() == IncidentStatus.CLOSED) {
            throw new org.reliefchain.platform.ConflictException("incident-closed", "incident " + incident.number()
                    + " is closed");
        }
        if (entries == null || entries.isEmpty() || entries.size() > MAX_BATCH) {
            throw new InvalidInputException("body", "send 1 to " + MAX_BATCH + " reports");
        }
        Instant now = clock.now();
        List<AffectedReport> reports = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            reports.add(checked(incident, entries.get(i), "[" + i + "]", now, caller.username()));
        }
        reports.forEach(em::persist);
        em.flush();
        incidents.history(incident, "AFFECTED", reported(reports), reports.size() + " reports of affected people", null);
        Map<String, Division> names = divisions(reports.stream().map(AffectedReport::divisionCode).toList());
        return reports.stream().map(r -> view(r, names)).toList();
    }

    /**
     * Estimates affected people in every village of {@code division} as its share of the population:
     * the county's census population spread evenly over its villages (village figures are not
     * published; synthetic, and the note says so). Recorded as ESTIMATED reports, only for villages
     * without a report of their own.
     */
    @RolesAllowed({"ADMIN", "DISPATCHER"})
    public int estimate(long incidentId, String divisionCode, double share, double relocatedShare) {
        Caller caller = guard.caller();
        Incident incident = incidents.runnable(incidentId, caller);
        incident.requireOpen();
        DivisionCode d = DivisionCode.parse("division", divisionCode);
        if (!incident.affects(d) && !d.contains(incident.ownerDivision())) {
            throw new InvalidInputException("division", "division " + d + " is not affected by incident " + incident.number());
        }
        if (!(share > 0 && share <= 1)) {
            throw new InvalidInputException("share", "must be more than 0 and at most 1");
        }
        if (!(relocatedShare >= 0 && relocatedShare <= 1)) {
            throw new InvalidInputException("relocatedShare", "must be 0 to 1");
        }
        List<Object[]> villages = em.createNativeQuery("select v.code, c.population, (select count(*) from division x"
                        + " where x.level = 'VILLAGE' and x.code like c.code || '%') from division v join division c"
                        + " on c.code = substr(v.code, 1, 6) where v.level = 'VILLAGE' and v.code like ?1"
                        + " and not exists (select 1 from affected_report r where r.incident_id = ?2 and r.division_code = v.code)"
                        + " order by v.code")
                .setParameter(1, d.value() + "%").setParameter(2, incident.id()).getResultList();
        Instant now = clock.now();
        int n = 0;
        for (Object[] v : villages) {
            String code = (String) v[0];
            if (!incident.affects(DivisionCode.of(code))) {
                continue;
            }
            long population = ((Number) v[1]).longValue() / Math.max(1, ((Number) v[2]).longValue());
            int people = (int) Math.round(population * share);
            int relocated = (int) Math.round(people * relocatedShare);
            em.persist(new AffectedReport(incident.id(), new AffectedReport.AffectedFigures(code, people, relocated,
                    null, null, null, false, "estimate: " + share + " of the county census spread evenly over its"
                    + " villages (synthetic)"), AffectedSource.ESTIMATED, now, now, caller.username()));
            n++;
        }
        em.flush();
        incidents.history(incident, "ESTIMATED", d, n + " villages of " + d + " estimated at " + share + " of population",
                null);
        return n;
    }

    /**
     * Affected people from a CSV or XLSX file, as the stock import does it: a header row (English or
     * Chinese column names, see {@link #LAYOUT}), then one report per row. A dry run lists every bad
     * row and writes nothing; otherwise the rows are written all together or not at all.
     */
    @RolesAllowed({"ADMIN", "DISPATCHER"})
    public ImportResult importReports(long incidentId, byte[] content, boolean xlsx, boolean dryRun) {
        Caller caller = guard.caller();
        Incident incident = incidents.runnable(incidentId, caller);
        incident.requireOpen();
        List<ImportRow> rows = SheetReader.read(content, xlsx, LAYOUT);
        if (rows.size() > MAX_BATCH) {
            throw new InvalidInputException("file", "at most " + MAX_BATCH + " rows");
        }
        Instant now = clock.now();
        List<ImportResult.RowError> errors = new ArrayList<>();
        List<AffectedReport> reports = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ImportRow row : rows) {
            ImportCells c = new ImportCells(row);
            String cutOff = c.text("cutoff");
            AffectedEntry e = new AffectedEntry(c.text("division"), c.integer("people"), c.integer("relocated"),
                    c.integer("under3"), c.integer("over65"), c.integer("pregnant"),
                    cutOff != null && java.util.Set.of("1", "true", "yes", "是", "y").contains(cutOff.toLowerCase(java.util.Locale.ROOT)),
                    AffectedSource.IMPORTED, c.instant("reportedat"), c.text("note"));
            errors.addAll(c.errors());
            if (!c.errors().isEmpty()) {
                continue;
            }
            if (e.division() != null && !seen.add(e.division())) {
                errors.add(new ImportResult.RowError(row.line(), "division", "division " + e.division()
                        + " appears twice in the file"));
                continue;
            }
            try {
                reports.add(checked(incident, e, "", now, caller.username()));
            } catch (InvalidInputException x) {
                x.errors().forEach(fe -> errors.add(new ImportResult.RowError(row.line(),
                        fe.field().startsWith(".") ? fe.field().substring(1) : fe.field(), fe.reason())));
            }
        }
        if (dryRun || !errors.isEmpty()) {
            return new ImportResult(rows.size(), dryRun, false, errors);
        }
        reports.forEach(em::persist);
        em.flush();
        incidents.history(incident, "AFFECTED_IMPORTED", reported(reports),
                reports.size() + " reports imported from a file", null);
        return new ImportResult(rows.size(), false, true, List.of());
    }

    /** Columns of an affected-people file; the Chinese ones as the county reports name them. */
    public static final ImportLayout LAYOUT = new ImportLayout("affected-people", "受灾人员导入模板",
            "Affected people import template", List.of(
            ImportColumn.required("division", "区划代码", Kind.TEXT, "330324101201", "区划", "需求点"),
            ImportColumn.required("people", "受灾人数", Kind.NUMBER, "120"),
            ImportColumn.optional("relocated", "转移人数", Kind.NUMBER, "40", "转移安置人数"),
            ImportColumn.optional("under3", "3岁以下", Kind.NUMBER, "3"),
            ImportColumn.optional("over65", "65岁以上", Kind.NUMBER, "10"),
            ImportColumn.optional("pregnant", "孕妇", Kind.NUMBER, "1"),
            ImportColumn.optional("cutOff", "交通中断", Kind.TEXT, "是").choosing("是/否, yes/no, 1/0"),
            ImportColumn.optional("reportedAt", "报告时间", Kind.INSTANT, "2026-08-10 09:45"),
            ImportColumn.optional("note", "备注", Kind.TEXT, "村委会上报")));

    /** The current figure of every demand point the caller may see. */
    public List<AffectedView> current(long incidentId) {
        Caller caller = guard.caller();
        Incident incident = incidents.visible(incidentId, caller);
        List<AffectedReport> latest = latest(incident, caller.jurisdiction().root().value());
        Map<String, Division> names = divisions(latest.stream().map(AffectedReport::divisionCode).toList());
        return latest.stream().map(r -> view(r, names)).toList();
    }

    /** The lowest division holding every reported place: what a batch of reports is about. */
    private static DivisionCode reported(List<AffectedReport> reports) {
        return Incident.owner(reports.stream().map(r -> DivisionCode.of(r.divisionCode())).toList());
    }

    /** Every report of one point, newest first. */
    public List<AffectedView> history(long incidentId, String divisionCode) {
        Caller caller = guard.caller();
        Incident incident = incidents.visible(incidentId, caller);
        DivisionCode d = DivisionCode.parse("division", divisionCode);
        caller.jurisdiction().requireCovers(d, "demand point " + d);
        List<AffectedReport> reports = em.createQuery("select r from AffectedReport r where r.incidentId = :i and"
                        + " r.divisionCode = :d order by r.id desc", AffectedReport.class)
                .setParameter("i", incident.id()).setParameter("d", d.value()).getResultList();
        Map<String, Division> names = divisions(List.of(d.value()));
        return reports.stream().map(r -> view(r, names)).toList();
    }

    /**
     * The current figure of every point inside {@code within} (a division prefix): the latest report per
     * point, and finer figures replace coarser ones, so nobody is counted twice: a county reported
     * as a whole counts until the first report (or estimate) of one of its townships or villages
     * arrives, and from then on its places count instead. Only places the incident still covers count: when
     * its affected divisions shrink, the reports outside stay in the history but leave the figures.
     */
    public List<AffectedReport> latest(Incident incident, String within) {
        List<AffectedReport> latest = em.createQuery("select r from AffectedReport r where r.incidentId = :i"
                        + " and r.divisionCode like :w and r.id = (select max(x.id) from AffectedReport x"
                        + " where x.incidentId = r.incidentId and x.divisionCode = r.divisionCode)"
                        + " order by r.divisionCode", AffectedReport.class)
                .setParameter("i", incident.id()).setParameter("w", within + "%").getResultList();
        return finest(latest.stream().filter(r -> incident.affects(DivisionCode.of(r.divisionCode()))).toList());
    }

    /** Drops every report with a report below it; {@code sorted} by code, so descendants follow at once. */
    static List<AffectedReport> finest(List<AffectedReport> sorted) {
        List<AffectedReport> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            String code = sorted.get(i).divisionCode();
            boolean hasFiner = i + 1 < sorted.size() && sorted.get(i + 1).divisionCode().startsWith(code);
            if (!hasFiner) {
                out.add(sorted.get(i));
            }
        }
        return out;
    }

    public Map<String, Division> divisions(List<String> codes) {
        Map<String, Division> out = new HashMap<>();
        List<String> distinct = codes.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += 1000) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + 1000));
            em.createQuery("select d from Division d where d.code in :codes", Division.class)
                    .setParameter("codes", chunk).getResultList().forEach(d -> out.put(d.codeValue(), d));
        }
        return out;
    }

    private AffectedReport checked(Incident incident, AffectedEntry e, String at, Instant now, String actor) {
        if (e == null) {
            throw new InvalidInputException(at, "is empty");
        }
        DivisionCode d = DivisionCode.parse(at + ".division", e.division());
        if (d.level() != DivisionLevel.VILLAGE && d.level() != DivisionLevel.TOWNSHIP && d.level() != DivisionLevel.COUNTY) {
            throw new InvalidInputException(at + ".division", "a demand point is a village, township or county");
        }
        if (!incident.affects(d)) {
            throw new InvalidInputException(at + ".division", "division " + d + " is not affected by incident "
                    + incident.number());
        }
        if (em.find(Division.class, d.value()) == null) {
            throw new InvalidInputException(at + ".division", "division " + d + " does not exist");
        }
        if (e.people() == null) {
            throw new InvalidInputException(at + ".people", "is required");
        }
        Instant reportedAt = e.reportedAt() == null ? now : e.reportedAt();
        if (reportedAt.isAfter(now.plusSeconds(300)) || reportedAt.isBefore(incident.startedAt().minusSeconds(7 * 86400))) {
            throw new InvalidInputException(at + ".reportedAt", "must lie between a week before the incident and now");
        }
        try {
            AffectedReport.AffectedFigures f = new AffectedReport.AffectedFigures(d.value(), e.people(),
                    e.relocated() == null ? 0 : e.relocated(), e.under3(), e.over65(), e.pregnant(),
                    Boolean.TRUE.equals(e.cutOff()), e.note() == null || e.note().isBlank() ? null : e.note().trim());
            return new AffectedReport(incident.id(), f, e.source() == null ? AffectedSource.REPORTED : e.source(),
                    reportedAt, now, actor);
        } catch (InvalidInputException x) {
            throw new InvalidInputException(x.errors().stream()
                    .map(fe -> new InvalidInputException.FieldError(at + "." + fe.field(), fe.reason())).toList());
        }
    }

    private static AffectedView view(AffectedReport r, Map<String, Division> names) {
        AffectedReport.AffectedFigures f = r.figures();
        Division d = names.get(r.divisionCode());
        return new AffectedView(r.id(), r.divisionCode(), d == null ? r.divisionCode() : d.nameZh(),
                r.divisionCode().length() >= 6 ? r.divisionCode().substring(0, 6) : r.divisionCode(),
                d == null ? 0 : d.position().lon(), d == null ? 0 : d.position().lat(), f.people(),
                f.relocated(), f.under3(), f.over65(), f.pregnant(), f.cutOff(), r.source(), r.reportedAt(),
                r.recordedAt(), r.actor(), f.note());
    }
}
