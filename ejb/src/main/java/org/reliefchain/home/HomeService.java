package org.reliefchain.home;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reliefchain.home.HomeView.Item;
import org.reliefchain.platform.Clock;
import org.reliefchain.security.Caller;
import org.reliefchain.security.JurisdictionGuard;

/**
 * Work that finds the user. Each role gets the queues of its own job, counted inside its jurisdiction with the
 * same rules the pages that deal with them apply, and a few headline figures. Counts only: the pages list.
 */
@Stateless
@PermitAll
public class HomeService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Lots with stock in the jurisdiction (one per warehouse and lot); conditions on {@code l} may follow. */
    private static final String LOTS_WITH_STOCK = "select count(*) from stock_balance b"
            + " join warehouse w on w.id = b.warehouse_id join stock_lot l on l.id = b.lot_id"
            + " where b.quantity > 0 and w.division_code like ?1";

    @PersistenceContext
    private EntityManager em;
    @Inject
    private JurisdictionGuard guard;
    @Inject
    private Clock clock;
    @Inject
    @ConfigProperty(name = "reliefchain.stock.near-expiry-days", defaultValue = "90")
    private int nearExpiryDays;

    public HomeView home() {
        Caller caller = guard.caller();
        String scope = caller.jurisdiction().likePattern();
        List<Item> work = new ArrayList<>();
        List<Item> figures = new ArrayList<>();
        switch (caller.role()) {
            case WAREHOUSE_MANAGER -> manager(caller, scope, work, figures);
            case DISPATCHER -> dispatcher(scope, work, figures);
            case FINANCE -> finance(caller, scope, work, figures);
            case AUDITOR -> auditor(scope, work, figures);
            case ADMIN -> admin(scope, work, figures);
            default -> { }
        }
        return new HomeView(work, figures);
    }

    private void manager(Caller caller, String scope, List<Item> work, List<Item> figures) {
        String me = caller.username();
        String orders = " from allocation_order o join warehouse f on f.id = o.from_warehouse_id"
                + " join warehouse t on t.id = o.to_warehouse_id where ";
        work.add(count("allocations.approve", "/app/allocations", true, "select count(*)" + orders
                + "f.division_code like ?1 and t.division_code like ?1 and o.requested_by <> ?2"
                + " and coalesce(o.submitted_by, '') <> ?2 and o.approved_at is null"
                + " and (o.status = 'SUBMITTED' or o.emergency_reference is not null and o.status in ('SHIPPED', 'RECEIVED'))",
                scope, me));
        work.add(count("allocations.ship", "/app/allocations", true, "select count(*)" + orders
                + "f.division_code like ?1 and (o.status = 'APPROVED' or o.status = 'SUBMITTED'"
                + " and o.emergency_reference is not null)", scope));
        work.add(count("allocations.receive", "/app/allocations", true, "select count(*)" + orders
                + "t.division_code like ?1 and o.status = 'SHIPPED' and o.shipped_by <> ?2", scope, me));
        work.add(count("allocations.drafts", "/app/allocations", false, "select count(*)" + orders
                + "o.requested_by = ?1 and o.status = 'DRAFT'", me));
        work.add(count("counts.approve", "/app/counts", true, "select count(*) from stock_count c join warehouse w"
                + " on w.id = c.warehouse_id where w.division_code like ?1 and c.status = 'SUBMITTED'"
                + " and c.submitted_by <> ?2 and c.opened_by <> ?2", scope, me));
        work.add(count("agreements.checkDue", "/app/agreements", false, "select count(*) from agreement a"
                + " where a.division_code like ?1 and a.status = 'ACTIVE' and a.starts_on <= ?2"
                + " and not exists (select 1 from agreement_check k where k.agreement_id = a.id"
                + " and k.checked_on > ?2)", scope, LocalDate.ofInstant(clock.now(), CHINA).minusDays(90)));
        work.add(count("counts.open", "/app/counts", false, "select count(*) from stock_count c join warehouse w"
                + " on w.id = c.warehouse_id where w.division_code like ?1 and c.status = 'OPEN'", scope));
        work.add(count("callUps.receive", "/app/call-ups", true, "select count(*) from call_up c join warehouse w"
                + " on w.id = c.warehouse_id where w.division_code like ?1"
                + " and c.status in ('ORDERED', 'PARTLY_RECEIVED')", scope));
        LocalDate today = LocalDate.ofInstant(clock.now(), CHINA);
        work.add(count("lots.expired", "/app/alerts", true, LOTS_WITH_STOCK + " and l.expiry_date < ?2",
                scope, today));
        work.add(count("lots.nearExpiry", "/app/alerts", false, LOTS_WITH_STOCK + " and l.expiry_date >= ?2"
                + " and l.expiry_date <= ?3", scope, today, today.plusDays(nearExpiryDays)));
        rotations(caller, scope, work);
        stockFigures(scope, figures);
    }

    private void dispatcher(String scope, List<Item> work, List<Item> figures) {
        String incidents = "select count(*) from incident i where i.status <> 'CLOSED' and (i.owner_division like ?1"
                + " or exists (select 1 from incident_division d where d.incident_id = i.id and d.division_code like ?1))";
        work.add(count("incidents.open", "/app/incidents", true, incidents, scope));
        work.add(count("plans.toApprove", "/app/incidents", true, "select count(*) from relief_plan p"
                + " join incident i on i.id = p.incident_id where p.jurisdiction like ?1 and i.status <> 'CLOSED'"
                + " and p.status in ('DONE', 'STOPPED', 'INTERRUPTED') and p.revises_id is null"
                + " and not exists (select 1 from relief_plan a where a.incident_id = p.incident_id"
                + " and a.status in ('APPROVED', 'REVISED'))", scope));
        work.add(count("plans.solving", "/app/incidents", false, "select count(*) from relief_plan p"
                + " where p.jurisdiction like ?1 and p.status in ('QUEUED', 'SOLVING')", scope));
        work.add(count("trips.toLoad", "/app/incidents", true, "select count(*) from dispatch_trip t"
                + " join relief_plan p on p.id = t.plan_id where p.jurisdiction like ?1 and t.status = 'PLANNED'"
                + " and p.status = 'APPROVED'", scope));
        work.add(count("trips.underWay", "/app/incidents", false, "select count(*) from dispatch_trip t"
                + " join relief_plan p on p.id = t.plan_id where p.jurisdiction like ?1"
                + " and t.status in ('LOADED', 'DEPARTED')", scope));
        figures.add(count("vehicles.available", "/app/fleet", false, "select count(*) from vehicle v"
                + " where v.division_code like ?1 and v.status = 'AVAILABLE'", scope));
        figures.add(count("vehicles.assigned", "/app/fleet", false, "select count(*) from vehicle v"
                + " where v.division_code like ?1 and v.status = 'ASSIGNED'", scope));
        figures.add(activeWarehouses(scope));
    }

    private void finance(Caller caller, String scope, List<Item> work, List<Item> figures) {
        work.add(count("statements.approve", "/app/statements", true, "select count(*) from subsidy_statement s"
                + " where s.division_code like ?1 and s.status = 'DRAFT' and s.prepared_by <> ?2", scope,
                caller.username()));
        work.add(count("statements.pay", "/app/statements", true, "select count(*) from subsidy_statement s"
                + " where s.division_code like ?1 and s.status = 'APPROVED'", scope));
        work.add(count("requisitions.approve", "/app/requisitions", true, "select count(*) from requisition r"
                + " where r.division_code like ?1 and r.status = 'COMPUTED' and r.computed_by <> ?2"
                + " and r.created_by <> ?2", scope, caller.username()));
        work.add(count("agreements.drafts", "/app/agreements", false, "select count(*) from agreement a"
                + " where a.division_code like ?1 and a.status = 'DRAFT'", scope));
        figures.add(money("value.payable", "/app/statements", "select coalesce(sum(s.total), 0) from subsidy_statement s"
                + " where s.division_code like ?1 and s.status = 'APPROVED'", scope));
        figures.add(count("agreements.active", "/app/agreements", false, "select count(*) from agreement a"
                + " where a.division_code like ?1 and a.status = 'ACTIVE'", scope));
        work.add(count("allocations.approvalOverdue", "/app/allocations", true, "select count(*)"
                + " from allocation_order o join warehouse t on t.id = o.to_warehouse_id where t.division_code like ?1"
                + " and o.approved_at is null and o.approval_due_at < ?2", scope, now()));
        rotations(caller, scope, work);
        work.add(count("lots.withoutCost", "/app/stock", false, LOTS_WITH_STOCK + " and l.unit_cost_amount is null",
                scope));
        stockFigures(scope, figures);
        OffsetDateTime yearStart = LocalDate.ofInstant(clock.now(), CHINA).withDayOfYear(1).atStartOfDay(CHINA).toOffsetDateTime();
        figures.add(money("value.receivedThisYear", "/app/stock", "select coalesce(sum(m.quantity_delta"
                + " * case when l.unit_cost_currency = 'CNY' then l.unit_cost_amount end), 0) from stock_movement m join warehouse w on w.id = m.warehouse_id"
                + " join stock_lot l on l.id = m.lot_id where w.division_code like ?1 and m.type = 'RECEIPT'"
                + " and m.occurred_at >= ?2", scope, yearStart));
        figures.add(money("value.writtenOffThisYear", "/app/stock", "select coalesce(-sum(m.quantity_delta"
                + " * case when l.unit_cost_currency = 'CNY' then l.unit_cost_amount end), 0) from stock_movement m join warehouse w on w.id = m.warehouse_id"
                + " join stock_lot l on l.id = m.lot_id where w.division_code like ?1 and m.type = 'WRITE_OFF'"
                + " and m.occurred_at >= ?2", scope, yearStart));
    }

    private void auditor(String scope, List<Item> work, List<Item> figures) {
        OffsetDateTime dayAgo = now().minusDays(1);
        work.add(count("audit.lastDay", "/app/audit", false, "select count(*) from audit_event e"
                + " where e.occurred_at >= ?1 and (e.actor_jurisdiction is null or e.actor_jurisdiction like ?2)",
                dayAgo, scope));
        work.add(count("allocations.approvalOverdue", "/app/allocations", true, "select count(*)"
                + " from allocation_order o join warehouse t on t.id = o.to_warehouse_id where t.division_code like ?1"
                + " and o.approved_at is null and o.approval_due_at < ?2", scope, now()));
        OffsetDateTime yearStart = LocalDate.ofInstant(clock.now(), CHINA).withDayOfYear(1).atStartOfDay(CHINA).toOffsetDateTime();
        figures.add(count("movements.reversalsThisYear", "/app/stock", false, "select count(*) from stock_movement m"
                + " join warehouse w on w.id = m.warehouse_id where w.division_code like ?1 and m.type = 'REVERSAL'"
                + " and m.occurred_at >= ?2", scope, yearStart));
        figures.add(count("movements.adjustmentsThisYear", "/app/counts", false, "select count(*)"
                + " from stock_movement m join warehouse w on w.id = m.warehouse_id where w.division_code like ?1"
                + " and m.type = 'COUNT_ADJUSTMENT' and m.occurred_at >= ?2", scope, yearStart));
        stockFigures(scope, figures);
    }

    private void admin(String scope, List<Item> work, List<Item> figures) {
        work.add(count("users.disabled", "/app/users", false, "select count(*) from app_user u"
                + " where u.jurisdiction_code like ?1 and not u.enabled", scope));
        figures.add(count("users.active", "/app/users", false, "select count(*) from app_user u"
                + " where u.jurisdiction_code like ?1 and u.enabled", scope));
        figures.add(activeWarehouses(scope));
    }

    /**
     * Rotation plans waiting for the caller: their approval in their capacity (a manager's or finance's, never on
     * a plan they raised or approved), and for warehouse managers the approved plans to carry out.
     */
    private void rotations(Caller caller, String scope, List<Item> work) {
        String approver = caller.role() == org.reliefchain.security.Role.FINANCE ? "finance_approved_by" : "manager_approved_by";
        work.add(count("rotations.approve", "/app/rotations", true, "select count(*) from rotation_plan r"
                + " where r.division_code like ?1 and r.status = 'PROPOSED' and r." + approver + " is null"
                + " and r.raised_by <> ?2 and coalesce(r.manager_approved_by, '') <> ?2"
                + " and coalesce(r.finance_approved_by, '') <> ?2", scope, caller.username()));
        if (caller.role() == org.reliefchain.security.Role.WAREHOUSE_MANAGER) {
            work.add(count("rotations.execute", "/app/rotations", true, "select count(*) from rotation_plan r"
                    + " where r.division_code like ?1 and r.status = 'APPROVED'", scope));
        }
    }

    /** Warehouses, lots and stock value at cost of the jurisdiction. */
    private void stockFigures(String scope, List<Item> figures) {
        figures.add(activeWarehouses(scope));
        figures.add(count("lots.held", "/app/stock", false, LOTS_WITH_STOCK, scope));
        figures.add(money("value.stock", "/app/stock", "select coalesce(sum(b.quantity * case when l.unit_cost_currency = 'CNY' then l.unit_cost_amount end), 0)"
                + " from stock_balance b join warehouse w on w.id = b.warehouse_id join stock_lot l on l.id = b.lot_id"
                + " where b.quantity > 0 and w.division_code like ?1", scope));
    }

    private Item activeWarehouses(String scope) {
        return count("warehouses.active", "/app/warehouses", false, "select count(*) from warehouse w"
                + " where w.division_code like ?1 and w.status = 'ACTIVE'", scope);
    }

    private Item count(String key, String link, boolean urgent, String sql, Object... params) {
        long n = ((Number) query(sql, params).getSingleResult()).longValue();
        return new Item(key, String.valueOf(n), link, urgent && n > 0);
    }

    /** An amount in yuan, to the fen. */
    private Item money(String key, String link, String sql, Object... params) {
        BigDecimal v = new BigDecimal(query(sql, params).getSingleResult().toString()).setScale(2, RoundingMode.HALF_UP);
        return new Item(key, v.toPlainString(), link, false);
    }

    private Query query(String sql, Object... params) {
        Query q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q;
    }

    private OffsetDateTime now() {
        return clock.now().atOffset(ZoneOffset.UTC);
    }
}
