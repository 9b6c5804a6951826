package org.reliefchain.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import org.reliefchain.audit.AuditTrail;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.division.DivisionLevel;
import org.reliefchain.platform.Clock;
import org.reliefchain.platform.ConflictException;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.NotFoundException;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.security.Caller;
import org.reliefchain.security.Jurisdiction;
import org.reliefchain.security.JurisdictionGuard;
import org.reliefchain.security.OutsideJurisdictionException;
import org.reliefchain.stock.Quantity;

/**
 * Plans and their completion, inside the caller's jurisdiction. Reads use SQL aggregates: completion
 * over thousands of warehouses is one query, not thousands of entity loads.
 */
@Stateless
@PermitAll
public class PlanService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Plan lines with usable stock on hand; :year, :scope and :today are bound by callers. */
    private static final String LINES = " from reserve_plan p join warehouse w on w.id = p.warehouse_id"
            + " join material m on m.code = p.material_code"
            + " left join (select b.warehouse_id, l.material_code, sum(b.quantity) as quantity from stock_balance b"
            + " join stock_lot l on l.id = b.lot_id where l.expiry_date is null or l.expiry_date >= ?3"
            + " group by b.warehouse_id, l.material_code) s on s.warehouse_id = p.warehouse_id"
            + " and s.material_code = p.material_code"
            + " where p.year = ?1 and w.division_code like ?2";

    /**
     * The year's targets from the standards for the active warehouses under a division prefix; JDBC
     * parameters: year, actor, division pattern. Hand-edited targets are kept. Also used by the demo
     * seeder, which runs before any user exists.
     */
    public static final String COMPUTE = "insert into reserve_plan (warehouse_id, material_code, year, target, source,"
            + " updated_by, updated_at)"
            + " select w.id, s.material_code, ?, case when s.basis = 'FIXED' then s.quantity"
            + " else ceil(d.population / 10000.0 * s.quantity) end, 'COMPUTED', ?, now()"
            + " from warehouse w join division d on d.code = w.division_code"
            + " join reserve_standard s on s.level = w.level"
            + " where w.status = 'ACTIVE' and w.division_code like ?"
            + " and (s.basis = 'FIXED' or d.population is not null)"
            + " on conflict (warehouse_id, material_code, year) do update set target = excluded.target,"
            + " updated_by = excluded.updated_by, updated_at = excluded.updated_at, version = reserve_plan.version + 1"
            + " where reserve_plan.source = 'COMPUTED'";

    @PersistenceContext
    private EntityManager em;
    @Inject
    private JurisdictionGuard guard;
    @Inject
    private AuditTrail audit;
    @Inject
    private Clock clock;

    /**
     * Computes the year's targets from the standards for every active warehouse in the caller's
     * jurisdiction; targets someone edited by hand are kept.
     */
    @RolesAllowed({"ADMIN", "WAREHOUSE_MANAGER"})
    public int compute(int year) {
        requireYear(year);
        Caller caller = guard.caller();
        int rows = em.createNativeQuery(COMPUTE).setParameter(1, year).setParameter(2, caller.username())
                .setParameter(3, caller.jurisdiction().likePattern()).executeUpdate();
        audit.record("PLAN_COMPUTED", "reserve-plan", String.valueOf(year), rows + " plan lines computed for "
                + caller.jurisdiction().root() + " from the reserve standards");
        return rows;
    }

    /** Sets one target by hand; later computations keep it. */
    @RolesAllowed({"ADMIN", "WAREHOUSE_MANAGER"})
    public PlanLineView edit(long id, String target, Long version) {
        Quantity value = Quantity.parseNonNegative("target", target);
        Object[] plan = planRow(id);
        // Jurisdiction first: a caller outside it learns nothing, not even whether the version matches.
        Caller caller = guard.require(DivisionCode.of((String) plan[1]), "the reserve plan of this warehouse");
        if (version == null || ((Number) plan[2]).longValue() != version) {
            throw new ConflictException("stale-version", "plan line " + id + " was changed by someone else; reload");
        }
        em.createNativeQuery("update reserve_plan set target = ?1, source = 'EDITED', updated_by = ?2,"
                        + " updated_at = now(), version = version + 1 where id = ?3")
                .setParameter(1, value.value()).setParameter(2, caller.username()).setParameter(3, id).executeUpdate();
        audit.record("PLAN_EDITED", "reserve-plan", String.valueOf(id), "target " + plan[3] + " -> " + value);
        return line(id);
    }

    /** Plan lines, filtered; {@code shortOnly} keeps the lines below target, worst first. */
    public Page<PlanLineView> lines(int year, DivisionCode division, String warehouse, String material,
                                    boolean shortOnly, PageRequest page) {
        String scope = scope(division);
        StringBuilder where = new StringBuilder();
        List<Object> extra = new ArrayList<>();
        if (warehouse != null && !warehouse.isBlank()) {
            where.append(" and w.code = ?4");
            extra.add(warehouse.trim());
        }
        if (material != null && !material.isBlank()) {
            where.append(" and p.material_code = ?").append(4 + extra.size());
            extra.add(material.trim());
        }
        if (shortOnly) {
            where.append(" and coalesce(s.quantity, 0) < p.target");
        }
        // Short lines worst first: the least complete, then the largest shortfall in the material's own unit.
        String order = shortOnly ? " order by coalesce(s.quantity, 0) / nullif(p.target, 0),"
                + " p.target - coalesce(s.quantity, 0) desc, w.code, p.material_code"
                : " order by w.code, p.material_code";
        Query count = em.createNativeQuery("select count(*)" + LINES + where);
        Query select = em.createNativeQuery(LINE_COLUMNS + LINES + where + order);
        bind(count, year, scope, extra);
        bind(select, year, scope, extra);
        long total = ((Number) count.getSingleResult()).longValue();
        // The page's rows in the one query: a query per row would aggregate the balances once per row.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return new Page<>(rows.stream().map(PlanService::line).toList(), total, page.page(), page.size());
    }

    /** Completion per level, or per child division of {@code division} (default: the caller's jurisdiction). */
    public List<CompletionView> completion(int year, DivisionCode division, boolean byLevel) {
        String scope = scope(division);
        DivisionCode root = DivisionCode.of(scope.substring(0, scope.length() - 1));
        String group;
        if (byLevel) {
            group = "w.level";
        } else {
            int childLength = childLength(root);
            group = childLength < 0 ? "w.division_code" : "substring(w.division_code, 1, " + childLength + ")";
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery("select " + group + " as g, count(*), sum(p.target),"
                + " sum(least(coalesce(s.quantity, 0), p.target)),"
                + " sum(case when coalesce(s.quantity, 0) < p.target then 1 else 0 end)" + LINES
                + " group by " + group + " order by " + group), year, scope, List.of()).getResultList();
        List<CompletionView> out = new ArrayList<>();
        for (Object[] r : rows) {
            String g = (String) r[0];
            BigDecimal target = (BigDecimal) r[2];
            BigDecimal covered = (BigDecimal) r[3];
            String[] name = byLevel ? new String[] {g, g} : divisionName(g);
            out.add(new CompletionView(g, name[0], name[1], ((Number) r[1]).longValue(),
                    new Quantity(target).toString(), new Quantity(covered).toString(), percent(covered, target),
                    ((Number) r[4]).longValue()));
        }
        if (byLevel) {
            out.sort((a, b) -> DivisionLevel.valueOf(a.group()).compareTo(DivisionLevel.valueOf(b.group())));
        }
        return out;
    }

    private static final String LINE_COLUMNS = "select p.id, p.year, w.code, w.name_zh, w.division_code, w.level,"
            + " p.material_code, m.name_zh, p.target, coalesce(s.quantity, 0), p.source, p.version, w.name_en, m.name_en";

    private PlanLineView line(long id) {
        return line((Object[]) em.createNativeQuery(LINE_COLUMNS + LINES + " and p.id = ?4")
                .setParameter(1, planYear(id)).setParameter(2, "%").setParameter(3, today()).setParameter(4, id)
                .getSingleResult());
    }

    private static PlanLineView line(Object[] r) {
        BigDecimal target = (BigDecimal) r[8];
        BigDecimal onHand = (BigDecimal) r[9];
        BigDecimal shortfall = target.subtract(onHand).max(BigDecimal.ZERO);
        return new PlanLineView(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), (String) r[2], (String) r[3],
                (String) r[12], (String) r[4], DivisionLevel.valueOf((String) r[5]), (String) r[6], (String) r[7],
                (String) r[13],
                new Quantity(target).toString(), new Quantity(onHand).toString(), new Quantity(shortfall).toString(),
                percent(onHand.min(target), target), (String) r[10], ((Number) r[11]).longValue());
    }

    private int planYear(long id) {
        return ((Number) planRow(id)[0]).intValue();
    }

    /** year, division code, version, target of a plan line. */
    private Object[] planRow(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select p.year, w.division_code, p.version, p.target"
                + " from reserve_plan p join warehouse w on w.id = p.warehouse_id where p.id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("plan line", id);
        }
        return rows.get(0);
    }

    private String scope(DivisionCode division) {
        Jurisdiction jurisdiction = guard.caller().jurisdiction();
        if (division == null) {
            return jurisdiction.likePattern();
        }
        if (!jurisdiction.covers(division)) {
            throw new OutsideJurisdictionException(jurisdiction.root(), division, "reserve plans");
        }
        return division.value() + "%";
    }

    private Query bind(Query q, int year, String scope, List<Object> extra) {
        q.setParameter(1, year).setParameter(2, scope).setParameter(3, today());
        for (int i = 0; i < extra.size(); i++) {
            q.setParameter(4 + i, extra.get(i));
        }
        return q;
    }

    /** The division's Chinese and English name; its code for both if it does not exist. */
    private String[] divisionName(String code) {
        @SuppressWarnings("unchecked")
        List<Object[]> names = em.createNativeQuery("select name_zh, name_en from division where code = ?1")
                .setParameter(1, code).getResultList();
        return names.isEmpty() ? new String[] {code, code}
                : new String[] {(String) names.get(0)[0], (String) names.get(0)[1]};
    }

    private static int childLength(DivisionCode root) {
        DivisionLevel[] levels = DivisionLevel.values();
        int next = root.level().ordinal() + 1;
        return next < levels.length ? levels[next].codeLength() : -1;
    }

    private static double percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return 100.0;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP).doubleValue();
    }

    private java.sql.Date today() {
        return java.sql.Date.valueOf(LocalDate.ofInstant(clock.now(), CHINA));
    }

    private static void requireYear(int year) {
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "must be between 2000 and 2100");
        }
    }
}
