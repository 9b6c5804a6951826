package org.reliefchain.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.reliefchain.catalog.Material;
import org.reliefchain.network.Warehouse;
import org.reliefchain.platform.Clock;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.ConflictException;

/**
 * The one place that writes the ledger: it changes a balance and appends the movement, picks lots
 * first-expiry-first-out with their balance rows locked, and refuses to go below zero. Used by the
 * movement API and by the workflows that move stock (allocation orders, stock counts). It runs only
 * inside the caller's transaction and checks no permissions: its callers do.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class LedgerWriter {

    /** What every movement written for one request shares. */
    public record Entry(long requestId, String actor, Instant occurredAt, Instant registeredAt, String reason,
                        String reference) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    /** Registers the request that the following movements belong to; the key must be new. */
    public long openRequest(String idempotencyKey, String fingerprint, String actor, Instant now) {
        StockRequest request = new StockRequest(idempotencyKey, fingerprint, actor, now);
        em.persist(request);
        em.flush();
        return request.id();
    }

    /** The lots an outgoing movement takes from: the one named, or first-expiry-first-out. */
    public List<FefoPicker.Pick> choose(Warehouse w, Material material, String lotNumber, Quantity quantity,
                                         boolean expiredAllowed) {
        List<LotStock> lots = lockedLots(w, material);
        if (lotNumber != null && !lotNumber.isBlank()) {
            LotStock lot = lots.stream().filter(l -> l.lotNumber().equals(lotNumber.trim())).findFirst()
                    .orElseThrow(() -> new InsufficientStockException(w, material, lotNumber.trim(),
                            quantity, Quantity.ZERO));
            if (!expiredAllowed && lot.expiryDate() != null && lot.expiryDate().isBefore(today())) {
                throw new ConflictException("lot-expired", "lot " + lot.lotNumber() + " of " + material.code()
                        + " expired on " + lot.expiryDate() + "; it can only be written off");
            }
            if (lot.onHand().compareTo(quantity) < 0) {
                throw new InsufficientStockException(w, material, lot.lotNumber(), quantity, lot.onHand());
            }
            return List.of(new FefoPicker.Pick(lot, quantity));
        }
        List<FefoPicker.Pick> picks = FefoPicker.pick(lots, quantity, today());
        if (picks.isEmpty()) {
            throw new InsufficientStockException(w, material, null, quantity,
                    FefoPicker.usable(lots, today()));
        }
        return picks;
    }

    /** The warehouse's lots of a material with stock, their balance rows locked in lot order. */
    @SuppressWarnings("unchecked")
    private List<LotStock> lockedLots(Warehouse w, Material material) {
        List<Object[]> rows = em.createNativeQuery("select l.id, l.lot_number, l.expiry_date, b.quantity"
                        + " from stock_balance b join stock_lot l on l.id = b.lot_id"
                        + " where b.warehouse_id = ?1 and l.material_code = ?2 and b.quantity > 0"
                        + " order by b.lot_id for update of b")
                .setParameter(1, w.id()).setParameter(2, material.code()).getResultList();
        List<LotStock> lots = new ArrayList<>();
        for (Object[] r : rows) {
            lots.add(new LotStock(((Number) r[0]).longValue(), (String) r[1],
                    r[2] == null ? null : ((java.sql.Date) r[2]).toLocalDate(), new Quantity((BigDecimal) r[3])));
        }
        return lots;
    }

    /**
     * While a count is open or awaiting approval, the warehouse's stock stands still: a movement would make the
     * count's expected quantities wrong. Only the count's own adjustment passes.
     */
    private void requireNotCounting(Warehouse w, MovementType type) {
        if (type == MovementType.COUNT_ADJUSTMENT) {
            return;
        }
        // A count opening now waits for this transaction (it locks the row for update before its snapshot).
        em.createNativeQuery("select id from warehouse where id = ?1 for share").setParameter(1, w.id()).getResultList();
        List<?> counting = em.createNativeQuery("select number from stock_count where warehouse_id = ?1"
                + " and status in ('OPEN', 'SUBMITTED') limit 1").setParameter(1, w.id()).getResultList();
        if (!counting.isEmpty()) {
            throw new ConflictException("count-open", "warehouse " + w.code() + " is being counted (count "
                    + counting.get(0) + "); stock moves again once the count is approved")
                    .withArgs(w.nameZh(), w.nameEn(), counting.get(0), w.code());
        }
    }

    /** Changes the balance and writes the movement; refuses to go below zero. */
    public StockMovement post(Entry m, MovementType type, Warehouse w, StockLot lot, Quantity delta,
                               Long reverses) {
        requireNotCounting(w, type);
        Quantity after = changeBalance(w.id(), lot.id(), delta);
        if (after == null && delta.isPositive()) {
            throw new InvalidInputException("quantity", "would take the balance of lot " + lot.lotNumber()
                    + " above " + Quantity.MAX + ", the most the ledger holds", "too-large");
        }
        if (after == null) {
            Quantity available = currentBalance(w.id(), lot.id());
            throw new InsufficientStockException(w, em.find(Material.class, lot.materialCode()), lot.lotNumber(),
                    delta.negate(),
                    available);
        }
        StockMovement movement = new StockMovement(m.requestId(), type, w.id(), lot.id(), delta, after, m.occurredAt(),
                m.registeredAt(), m.actor(), m.reason(), m.reference(), reverses);
        em.persist(movement);
        return movement;
    }

    @SuppressWarnings("unchecked")
    private Quantity changeBalance(long warehouseId, long lotId, Quantity delta) {
        List<Object> rows;
        if (delta.isPositive()) {
            rows = em.createNativeQuery("insert into stock_balance (warehouse_id, lot_id, quantity, updated_at)"
                            + " values (?1, ?2, ?3, now()) on conflict (warehouse_id, lot_id)"
                            + " do update set quantity = stock_balance.quantity + excluded.quantity,"
                            + " updated_at = excluded.updated_at where stock_balance.quantity + excluded.quantity <= ?4"
                            + " returning quantity")
                    .setParameter(1, warehouseId).setParameter(2, lotId).setParameter(3, delta.value())
                    .setParameter(4, Quantity.MAX.value()).getResultList();
        } else {
            rows = em.createNativeQuery("update stock_balance set quantity = quantity + ?1, updated_at = now()"
                            + " where warehouse_id = ?2 and lot_id = ?3 and quantity + ?1 >= 0 returning quantity")
                    .setParameter(1, delta.value()).setParameter(2, warehouseId).setParameter(3, lotId).getResultList();
        }
        return rows.isEmpty() ? null : new Quantity((BigDecimal) rows.get(0));
    }

    private Quantity currentBalance(long warehouseId, long lotId) {
        StockBalance b = em.find(StockBalance.class, new StockBalance.Key(warehouseId, lotId));
        return b == null ? Quantity.ZERO : b.quantity();
    }

    private LocalDate today() {
        return clock.now().atZone(StockLedger.CHINA).toLocalDate();
    }
}
