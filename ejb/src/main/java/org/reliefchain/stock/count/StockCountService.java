package org.reliefchain.stock.count;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.reliefchain.audit.AuditTrail;
import org.reliefchain.network.Warehouse;
import org.reliefchain.network.WarehouseService;
import org.reliefchain.platform.Clock;
import org.reliefchain.platform.ConflictException;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.NotFoundException;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.platform.PagedQuery;
import org.reliefchain.security.Caller;
import org.reliefchain.security.JurisdictionGuard;
import org.reliefchain.stock.LedgerWriter;
import org.reliefchain.stock.MovementType;
import org.reliefchain.stock.Quantity;
import org.reliefchain.stock.StockLot;

/**
 * The count workflow for warehouse managers whose jurisdiction contains the warehouse. The approval
 * writes one COUNT_ADJUSTMENT per lot with a variance, applied to the balance as it is then (stock
 * that moved after the snapshot was recorded by its own movements).
 */
@Stateless
@RolesAllowed("WAREHOUSE_MANAGER")
public class StockCountService {

    @PersistenceContext
    private EntityManager em;
    @Inject
    private JurisdictionGuard guard;
    @Inject
    private WarehouseService warehouses;
    @Inject
    private LedgerWriter ledger;
    @Inject
    private AuditTrail audit;
    @Inject
    private Clock clock;

    public StockCountView open(String warehouseCode) {
        if (warehouseCode == null || warehouseCode.isBlank()) {
            throw new InvalidInputException("warehouse", "is required");
        }
        Warehouse w = warehouses.findInJurisdiction(warehouseCode.trim());
        Caller caller = guard.caller();
        // Movements take this row's share lock before they check for a count (LedgerWriter): the snapshot below
        // waits for those under way, and those after it see the count and are refused.
        em.createNativeQuery("select id from warehouse where id = ?1 for update").setParameter(1, w.id()).getResultList();
        Long inProgress = em.createQuery("select count(c) from StockCount c where c.warehouseId = :w and c.status in"
                + " :open", Long.class).setParameter("w", w.id())
                .setParameter("open", List.of(StockCount.Status.OPEN, StockCount.Status.SUBMITTED)).getSingleResult();
        if (inProgress > 0) {
            throw new ConflictException("count-in-progress", "warehouse " + w.code() + " already has a count in progress");
        }
        long seq = ((Number) em.createNativeQuery("select nextval('stock_count_number_seq')").getSingleResult())
                .longValue();
        StockCount count = new StockCount("PD" + Year.now(ZoneId.of("Asia/Shanghai")).getValue() + "-"
                + String.format("%06d", seq), w.id(), caller.username(), clock.now());
        @SuppressWarnings("unchecked")
        List<Object[]> balances = em.createNativeQuery("select b.lot_id, b.quantity from stock_balance b"
                + " join stock_lot l on l.id = b.lot_id where b.warehouse_id = ?1 and b.quantity > 0"
                + " order by l.material_code, l.lot_number").setParameter(1, w.id()).getResultList();
        for (Object[] b : balances) {
            count.snapshot(((Number) b[0]).longValue(), new Quantity((BigDecimal) b[1]));
        }
        em.persist(count);
        em.flush();
        audit.record("COUNT_OPENED", "stock-count", count.number(), "count of " + w.code() + ", " + balances.size()
                + " lots");
        return view(count);
    }

    public StockCountView record(long id, CountEntry entry) {
        StockCount count = findInJurisdiction(id);
        if (entry == null || entry.getLines() == null || entry.getLines().isEmpty()) {
            throw new InvalidInputException("lines", "give at least one counted lot");
        }
        for (int i = 0; i < entry.getLines().size(); i++) {
            CountEntry.LotCount c = entry.getLines().get(i);
            StockLot lot = lot(count, c, "lines[" + i + "]");
            Quantity counted = em.find(org.reliefchain.catalog.Material.class, lot.materialCode())
                    .whole("lines[" + i + "].counted", Quantity.parseNonNegative("lines[" + i + "].counted", c.getCounted()));
            count.record(lot.id(), counted,
                    c.getNote() == null || c.getNote().isBlank() ? null : c.getNote().trim(), lot.lotNumber());
        }
        em.flush();
        return view(count);
    }

    public StockCountView submit(long id) {
        StockCount count = findInJurisdiction(id);
        count.submit(guard.caller().username(), clock.now());
        em.flush();
        long variances = count.lines().stream().filter(l -> !l.variance().isZero()).count();
        audit.record("COUNT_SUBMITTED", "stock-count", count.number(), variances + " lots with a variance");
        return view(count);
    }

    public StockCountView approve(long id) {
        StockCount count = findInJurisdiction(id);
        Caller caller = guard.caller();
        Instant now = clock.now();
        count.approve(caller.username(), now);
        Warehouse w = em.find(Warehouse.class, count.warehouseId());
        long request = ledger.openRequest("count-" + count.id() + "-approve", "count", caller.username(), now);
        LedgerWriter.Entry entry = new LedgerWriter.Entry(request, caller.username(), now, now,
                "盘点调整 " + count.number(), count.number());
        int adjusted = 0;
        for (StockCountLine line : count.lines()) {
            if (!line.variance().isZero()) {
                ledger.post(entry, MovementType.COUNT_ADJUSTMENT, w, em.find(StockLot.class, line.lotId()),
                        line.variance(), null);
                adjusted++;
            }
        }
        em.flush();
        audit.record("COUNT_APPROVED", "stock-count", count.number(), adjusted + " adjustments posted");
        return view(count);
    }

    public StockCountView get(long id) {
        return view(findInJurisdiction(id));
    }

    public Page<StockCountView> list(String warehouseCode, PageRequest page) {
        String scope = guard.caller().jurisdiction().likePattern();
        if (warehouseCode != null && !warehouseCode.isBlank()) {
            warehouses.findInJurisdiction(warehouseCode.trim());
        }
        return PagedQuery.of(StockCount.class, "c", "Warehouse w")
                .and("w.id = c.warehouseId and w.divisionCode like :scope", "scope", scope)
                .andIf(warehouseCode == null || warehouseCode.isBlank() ? null : warehouseCode.trim(), "w.code = :code",
                        "code")
                .fetch(em, "c.id desc", page).map(this::view);
    }

    /**
     * The count's lot a line names: by id, or by material and number among the count's own lots (numbers name
     * lots per warehouse; a lot transferred in may share its number with one received here, and then the id
     * tells them apart). A lot outside the count is refused alike whether it exists elsewhere or not.
     */
    private StockLot lot(StockCount count, CountEntry.LotCount c, String field) {
        if (c.getLotId() == null && (c.getMaterial() == null || c.getLot() == null)) {
            throw new InvalidInputException(field, "material and lot are required");
        }
        List<StockLot> named = count.lines().stream().map(l -> em.find(StockLot.class, l.lotId()))
                .filter(l -> c.getLotId() != null ? l.id().equals(c.getLotId())
                        : l.materialCode().equals(c.getMaterial().trim()) && l.lotNumber().equals(c.getLot().trim()))
                .toList();
        if (named.isEmpty()) {
            throw new ConflictException("lot-not-in-count", "lot " + (c.getLotId() != null ? c.getLotId() : c.getLot())
                    + " is not in count " + count.number());
        }
        if (named.size() > 1) {
            throw new InvalidInputException(field + ".lotId", "two lots of number " + c.getLot() + " are in the count:"
                    + " give the lotId of the one counted", "lot-ambiguous", c.getLot());
        }
        return named.get(0);
    }

    private StockCount findInJurisdiction(long id) {
        StockCount count = em.find(StockCount.class, id);
        if (count == null) {
            throw new NotFoundException("stock count", id);
        }
        Warehouse w = em.find(Warehouse.class, count.warehouseId());
        guard.require(w.division(), "count of warehouse " + w.code());
        return count;
    }

    private StockCountView view(StockCount count) {
        Warehouse w = em.find(Warehouse.class, count.warehouseId());
        return count.view(w.code(), w.nameZh(), lotId -> {
            StockLot lot = em.find(StockLot.class, lotId);
            org.reliefchain.catalog.Material m = em.find(org.reliefchain.catalog.Material.class, lot.materialCode());
            return new String[] {lot.materialCode(), lot.lotNumber(), m.nameZh(), m.nameEn(), m.unitZh(), m.unitEn()};
        });
    }

    /** A count by the number people see on it (PD2026-000001). */
    public StockCountView byNumber(String number) {
        StockCount count = em.createQuery("select c from StockCount c where c.number = :n", StockCount.class)
                .setParameter("n", number == null ? "" : number.trim().toUpperCase(java.util.Locale.ROOT))
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("stock count", number));
        return get(count.id());
    }

    /** Counts in progress (open or awaiting approval) inside the jurisdiction, oldest first: they block stock. */
    public java.util.List<StockCountView> inProgress() {
        return em.createQuery("select c from StockCount c, Warehouse w where w.id = c.warehouseId"
                        + " and w.divisionCode like :scope and c.status <> :approved order by c.id", StockCount.class)
                .setParameter("scope", guard.caller().jurisdiction().likePattern())
                .setParameter("approved", StockCount.Status.APPROVED).setMaxResults(200)
                .getResultStream().map(this::view).toList();
    }
}
