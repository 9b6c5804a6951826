package org.reliefchain.stock;

import java.time.LocalDate;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reliefchain.catalog.Material;
import org.reliefchain.catalog.MaterialClass;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.network.Warehouse;
import org.reliefchain.network.WarehouseService;
import org.reliefchain.platform.Clock;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.platform.PagedQuery;
import org.reliefchain.security.Jurisdiction;
import org.reliefchain.security.JurisdictionGuard;
import org.reliefchain.security.OutsideJurisdictionException;

/**
 * Reads stock on hand and the ledger, only ever inside the caller's jurisdiction: a county manager
 * sees their county's warehouses and nothing of the neighbouring county or of the city above.
 */
@Stateless
@PermitAll
public class StockQueries {

    /** How far ahead an expiry filter looks: a hundred years, beyond any shelf life. */
    public static final int MAX_DAYS_AHEAD = 36_500;


    @PersistenceContext
    private EntityManager em;

    @Inject
    private Custodians custodians;

    @Inject
    private JurisdictionGuard guard;

    @Inject
    private WarehouseService warehouses;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "reliefchain.stock.near-expiry-days", defaultValue = "90")
    private int nearExpiryDays;

    public Page<BalanceView> balances(BalanceQuery q, PageRequest page) {
        return balances(q, page, false);
    }

    /**
     * Stock on hand by warehouse and material, or with {@code soonestFirst} by urgency: expired lots first, then
     * the nearest expiry (the alerts page).
     */
    public Page<BalanceView> balances(BalanceQuery q, PageRequest page, boolean soonestFirst) {
        String scope = scope(q.division(), q.warehouse());
        LocalDate today = today();
        if (q.expiringWithinDays() != null && (q.expiringWithinDays() < 0 || q.expiringWithinDays() > MAX_DAYS_AHEAD)) {
            throw new InvalidInputException("expiringWithinDays", "must be between 0 and " + MAX_DAYS_AHEAD, "between",
                    "0", String.valueOf(MAX_DAYS_AHEAD));
        }
        boolean byLot = q.material() != null || q.lot() != null || q.materialClass() != null
                || q.expiringWithinDays() != null;
        String exactMaterial = exactMaterial(q.material());
        String materialText = q.material() == null || exactMaterial != null ? null
                : "%" + PagedQuery.escapeLike(q.material().trim()) + "%";
        String lotJoin = "l.id = b.lotId and mat.code = l.materialCode";
        PagedQuery<Object[]> query = byLot
                ? PagedQuery.rows("b, w, l, mat", "StockBalance b, Warehouse w, StockLot l, Material mat", "b").and(lotJoin)
                : PagedQuery.rows("b, w, l, mat", "StockBalance b, Warehouse w", "b").showing("StockLot l, Material mat", lotJoin);
        Page<Object[]> found = query.and("w.id = b.warehouseId and b.quantity > 0")
                .and("w.divisionCode like :scope", "scope", scope)
                .andIf(q.warehouse(), "w.code = :warehouse", "warehouse")
                .andIf(exactMaterial, "l.materialCode = :material", "material")
                .andIf(materialText, "mat.nameZh like :mtext escape '\\' or lower(mat.nameEn) like lower(:mtext)"
                        + " escape '\\' or mat.code like upper(:mtext) escape '\\'", "mtext")
                .andIf(q.lot(), "l.lotNumber = :lot", "lot")
                .andIf(q.materialClass(), "mat.materialClass = :cls", "cls")
                .andIf(q.expiringWithinDays() == null ? null : today.plusDays(q.expiringWithinDays()),
                        "l.expiryDate <= :until", "until")
                .fetch(em, soonestFirst ? "l.expiryDate, w.code, l.lotNumber" : "w.code, mat.code, l.expiryDate, l.lotNumber",
                        page);
        Map<String, String> kept = custodians.of(found.items().stream().map(r -> ((Warehouse) r[1]).id()).distinct().toList());
        return found.map(r -> balance((StockBalance) r[0], (Warehouse) r[1], (StockLot) r[2], (Material) r[3], today,
                kept.get(Custodians.key(((Warehouse) r[1]).id(), ((StockLot) r[2]).materialCode()))));
    }

    /** One movement of the ledger (where a recorded movement's Location points), inside the jurisdiction. */
    public MovementView movement(long id) {
        Object[] row = em.createQuery("select m, w.code, l, w" + StockViews.FROM + " and m.id = :id", Object[].class)
                .setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> new org.reliefchain.platform.NotFoundException("movement", id));
        Warehouse w = (Warehouse) row[3];
        guard.caller().jurisdiction().requireCovers(w.division(), "stock of warehouse " + w.code());
        return StockViews.view((StockMovement) row[0], (String) row[1], (StockLot) row[2]);
    }

    public Page<MovementView> movements(MovementQuery q, PageRequest page) {
        String scope = scope(null, q.warehouse());
        Page<Object[]> rows = PagedQuery.rows("m, w.code, l", "StockMovement m, Warehouse w, StockLot l", "m")
                .and("w.id = m.warehouseId and l.id = m.lotId")
                .and("w.divisionCode like :scope", "scope", scope)
                .andIf(q.warehouse(), "w.code = :warehouse", "warehouse")
                .andIf(q.material(), "l.materialCode = :material", "material")
                .andIf(q.lot(), "l.lotNumber = :lot", "lot")
                .andIf(q.from(), "m.occurredAt >= :from", "from")
                .andIf(q.to(), "m.occurredAt < :to", "to")
                .fetch(em, "m.occurredAt desc, m.id desc", page);
        return rows.map(r -> StockViews.view((StockMovement) r[0], (String) r[1], (StockLot) r[2]));
    }

    /**
     * Totals per material and group inside {@code division} (default: the jurisdiction): by warehouse
     * level, or by the divisions one level below (the division's own warehouses form a group of their own).
     */
    public java.util.List<OnHandSummary> summary(DivisionCode division, boolean byLevel) {
        String scope = scope(division, null);
        String root = scope.substring(0, scope.length() - 1);
        int next = DivisionCode.of(root).level().ordinal() + 1;
        String group = byLevel || next >= org.reliefchain.division.DivisionLevel.values().length ? "w.level"
                : "substring(w.division_code, 1, " + org.reliefchain.division.DivisionLevel.values()[next].codeLength() + ")";
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> rows = em.createNativeQuery("select " + group + ", m.code, m.name_zh, m.name_en,"
                        + " m.unit_zh, sum(case when l.expiry_date is null or l.expiry_date >= ?2 then b.quantity else 0 end),"
                        + " sum(case when l.expiry_date < ?2 then b.quantity else 0 end), count(*)"
                        + " from stock_balance b join warehouse w on w.id = b.warehouse_id"
                        + " join stock_lot l on l.id = b.lot_id join material m on m.code = l.material_code"
                        + " where b.quantity > 0 and w.division_code like ?1"
                        + " group by " + group + ", m.code, m.name_zh, m.name_en, m.unit_zh, m.material_class"
                        + " order by " + group + ", m.material_class, m.code")
                .setParameter(1, scope).setParameter(2, java.sql.Date.valueOf(today())).getResultList();
        return rows.stream().map(r -> new OnHandSummary((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], new Quantity((java.math.BigDecimal) r[5]).toString(),
                new Quantity((java.math.BigDecimal) r[6]).toString(), ((Number) r[7]).longValue())).toList();
    }

    /**
     * Stock per material inside the jurisdiction (or one warehouse), the class's materials only when one is
     * given: usable and expired quantities, value at cost (lots without a cost are left out of the value and
     * counted), lots and warehouses holding it. How managers read stock before drilling down to lots.
     */
    public java.util.List<MaterialTotal> materialTotals(String warehouse, MaterialClass materialClass) {
        String scope = scope(null, warehouse);
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> rows = em.createNativeQuery("select m.code, m.name_zh, m.name_en, m.material_class,"
                        + " m.unit_zh, m.unit_en,"
                        + " sum(case when l.expiry_date is null or l.expiry_date >= ?2 then b.quantity else 0 end),"
                        + " sum(case when l.expiry_date < ?2 then b.quantity else 0 end),"
                        + " coalesce(sum(b.quantity * case when l.unit_cost_currency = 'CNY' then l.unit_cost_amount end), 0),"
                        + " sum(case when l.unit_cost_currency = 'CNY' then 0 else 1 end), count(*),"
                        + " count(distinct b.warehouse_id)"
                        + " from stock_balance b join warehouse w on w.id = b.warehouse_id"
                        + " join stock_lot l on l.id = b.lot_id join material m on m.code = l.material_code"
                        + " where b.quantity > 0 and w.division_code like ?1 and (cast(?3 as varchar) is null"
                        + " or w.code = cast(?3 as varchar)) and (cast(?4 as varchar) is null"
                        + " or m.material_class = cast(?4 as varchar))"
                        + " group by m.code, m.name_zh, m.name_en, m.material_class, m.unit_zh, m.unit_en"
                        + " order by m.material_class, m.code")
                .setParameter(1, scope).setParameter(2, java.sql.Date.valueOf(today()))
                .setParameter(3, warehouse == null || warehouse.isBlank() ? null : warehouse.trim())
                .setParameter(4, materialClass == null ? null : materialClass.name()).getResultList();
        return rows.stream().map(r -> new MaterialTotal((String) r[0], (String) r[1], (String) r[2],
                MaterialClass.valueOf((String) r[3]), (String) r[4], (String) r[5],
                new Quantity((java.math.BigDecimal) r[6]).toString(), new Quantity((java.math.BigDecimal) r[7]).toString(),
                ((java.math.BigDecimal) r[8]).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(),
                ((Number) r[9]).longValue(), ((Number) r[10]).longValue(), ((Number) r[11]).longValue())).toList();
    }

    /**
     * Per material of a warehouse (optionally one material and lot), the ledger over a period: the balance at
     * its start, what came in and went out during it, the balance at its end. Summed from the ledger itself,
     * so that the document agrees with its rows whatever the balances say.
     */
    public java.util.List<LedgerTotal> ledgerTotals(String warehouse, String material, String lot,
                                                     java.time.Instant from, java.time.Instant to) {
        scope(null, warehouse);
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> rows = em.createNativeQuery("select m.code, m.name_zh, m.name_en, m.unit_zh, m.unit_en,"
                        + " coalesce(sum(case when x.occurred_at < ?2 then x.quantity_delta end), 0),"
                        + " coalesce(sum(case when x.occurred_at >= ?2 and x.quantity_delta > 0 then x.quantity_delta end), 0),"
                        + " coalesce(-sum(case when x.occurred_at >= ?2 and x.quantity_delta < 0 then x.quantity_delta end), 0)"
                        + " from stock_movement x join warehouse w on w.id = x.warehouse_id join stock_lot l on l.id = x.lot_id"
                        + " join material m on m.code = l.material_code"
                        + " where w.code = ?1 and x.occurred_at < ?3 and (cast(?4 as varchar) is null or m.code = cast(?4 as varchar))"
                        + " and (cast(?5 as varchar) is null or l.lot_number = cast(?5 as varchar))"
                        + " group by m.code, m.name_zh, m.name_en, m.unit_zh, m.unit_en, m.material_class"
                        + " order by m.material_class, m.code")
                .setParameter(1, warehouse.trim()).setParameter(2, from.atOffset(java.time.ZoneOffset.UTC))
                .setParameter(3, to.atOffset(java.time.ZoneOffset.UTC)).setParameter(4, material)
                .setParameter(5, lot).getResultList();
        return rows.stream().map(r -> {
            Quantity opening = new Quantity((java.math.BigDecimal) r[5]);
            Quantity in = new Quantity((java.math.BigDecimal) r[6]);
            Quantity out = new Quantity((java.math.BigDecimal) r[7]);
            return new LedgerTotal((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    opening.toString(), in.toString(), out.toString(), opening.plus(in).minus(out).toString());
        }).toList();
    }

    /**
     * A material filter that is a code (any case) means that material; anything else ("棉被", "quilt", "tent")
     * is looked for in names and codes.
     */
    private String exactMaterial(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String code = text.trim().toUpperCase(java.util.Locale.ROOT);
        return em.find(Material.class, code) != null ? code : null;
    }

    /**
     * The division prefix a query may see: the caller's jurisdiction, narrowed by the division or
     * warehouse asked for; asking for one outside the jurisdiction is refused, not silently emptied.
     */
    private String scope(DivisionCode division, String warehouseCode) {
        Jurisdiction jurisdiction = guard.caller().jurisdiction();
        if (warehouseCode != null && !warehouseCode.isBlank()) {
            Warehouse w = warehouses.find(warehouseCode);
            jurisdiction.requireCovers(w.division(), "stock of warehouse " + w.code());
        }
        if (division == null) {
            return jurisdiction.likePattern();
        }
        if (jurisdiction.covers(division)) {
            return division.value() + "%";
        }
        if (division.contains(jurisdiction.root())) {
            return jurisdiction.likePattern();
        }
        throw new OutsideJurisdictionException(jurisdiction.root(), division, "stock");
    }

    private BalanceView balance(StockBalance b, Warehouse w, StockLot l, Material m, LocalDate today, String custodian) {
        var wv = w.view();
        var mv = m.view();
        boolean expired = l.expiredOn(today);
        boolean near = !expired && l.expiryDate() != null && !l.expiryDate().isAfter(today.plusDays(nearExpiryDays));
        return new BalanceView(wv.code(), wv.nameZh(), wv.division(), mv.code(), mv.nameZh(), mv.nameEn(),
                mv.materialClass(), mv.unitZh(), l.lotNumber(), l.productionDate(), l.expiryDate(), l.source(),
                b.quantity().toString(), l.unitCost(), l.owner(), near, expired, wv.nameEn(), mv.unitEn(), custodian);
    }

    private LocalDate today() {
        return clock.now().atZone(StockLedger.CHINA).toLocalDate();
    }
}
