package org.reliefchain.stock;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.annotation.Resource;

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
import org.reliefchain.platform.DatabaseSetup;
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

    /** Inside the caller's transaction it hands out that transaction's connection (batched issues use it). */
    @Resource(lookup = DatabaseSetup.DATASOURCE)
    private DataSource dataSource;

    /** One line of a batched issue: so many units of a material out of a warehouse, first expiry first. */
    public record Outgoing(Warehouse warehouse, Material material, Quantity quantity) {
    }

    /** One balance change of a batch: each warehouse and lot once. */
    private record Change(long warehouseId, long lotId, BigDecimal delta) {
        String key() {
            return warehouseId + "/" + lotId;
        }
    }

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
            List<LotStock> named = lots.stream().filter(l -> l.lotNumber().equals(lotNumber.trim())).toList();
            if (named.size() > 1) {
                return twins(w, material, lotNumber.trim(), named, quantity, expiredAllowed);
            }
            LotStock lot = named.stream().findFirst()
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

    /**
     * Numbers name lots per warehouse, so a lot transferred in may share its number with one received here:
     * the number then names both, taken soonest expiry first (expired ones too where they may go).
     */
    private List<FefoPicker.Pick> twins(Warehouse w, Material material, String lotNumber, List<LotStock> named,
                                        Quantity quantity, boolean expiredAllowed) {
        LocalDate usableFrom = expiredAllowed ? LocalDate.MIN : today();
        List<FefoPicker.Pick> picks = FefoPicker.pick(named, quantity, usableFrom);
        if (picks.isEmpty()) {
            throw new InsufficientStockException(w, material, lotNumber, quantity, FefoPicker.usable(named, usableFrom));
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
     * Issues many lines at once, as a relief plan's approval does (hundreds of warehouses and materials):
     * the same rules as {@link #choose} and {@link #post} one line at a time (no warehouse being counted,
     * lots first expiry first with their balance rows locked, never below zero), in a handful of statements
     * instead of five per lot. Each warehouse and material may appear once.
     *
     * @return per line, in the order given, the lots it took; one ISSUE movement was written per lot
     * @throws InsufficientStockException for the first line its usable lots do not cover (nothing is written)
     */
    public Map<Outgoing, List<FefoPicker.Pick>> issueAll(Entry entry, List<Outgoing> lines) {
        Map<Outgoing, List<FefoPicker.Pick>> taken = new LinkedHashMap<>();
        if (lines.isEmpty()) {
            return taken;
        }
        Set<String> seen = new HashSet<>();
        for (Outgoing o : lines) {
            if (!o.quantity().isPositive() || !seen.add(o.warehouse().id() + "/" + o.material().code())) {
                throw new IllegalArgumentException("each warehouse and material once, a positive quantity: " + o);
            }
        }
        Long[] warehouseIds = lines.stream().map(o -> o.warehouse().id()).distinct().sorted().toArray(Long[]::new);
        try (Connection c = dataSource.getConnection()) {
            requireNoneCounting(c, warehouseIds, lines);
            Map<String, List<LotStock>> lots = lockedLots(c, lines);
            LocalDate today = today();
            List<Change> rows = new ArrayList<>();
            for (Outgoing o : lines) {
                List<LotStock> candidates = lots.getOrDefault(o.warehouse().id() + "/" + o.material().code(), List.of());
                List<FefoPicker.Pick> picks = FefoPicker.pick(candidates, o.quantity(), today);
                if (picks.isEmpty()) {
                    throw new InsufficientStockException(o.warehouse(), o.material(), null, o.quantity(),
                            FefoPicker.usable(candidates, today));
                }
                taken.put(o, picks);
                picks.forEach(p -> rows.add(new Change(o.warehouse().id(), p.lot().lotId(), p.quantity().negate().value())));
            }
            Map<String, BigDecimal> after = changeBalances(c, rows);
            appendMovements(c, entry, MovementType.ISSUE, rows, after);
        } catch (SQLException e) {
            throw new IllegalStateException("issuing " + lines.size() + " lines failed", e);
        }
        return taken;
    }

    /** As {@link #requireNotCounting} for many warehouses in two statements, in warehouse order. */
    private static void requireNoneCounting(Connection c, Long[] warehouseIds, List<Outgoing> lines) throws SQLException {
        try (PreparedStatement share = c.prepareStatement("select id from warehouse where id = any (?) order by id for share");
             PreparedStatement open = c.prepareStatement("select warehouse_id, number from stock_count"
                     + " where warehouse_id = any (?) and status in ('OPEN', 'SUBMITTED') order by warehouse_id limit 1")) {
            Array ids = c.createArrayOf("bigint", warehouseIds);
            share.setArray(1, ids);
            share.executeQuery().close();
            open.setArray(1, ids);
            try (ResultSet r = open.executeQuery()) {
                if (r.next()) {
                    long id = r.getLong(1);
                    Warehouse w = lines.stream().map(Outgoing::warehouse).filter(x -> x.id() == id).findFirst().orElseThrow();
                    throw beingCounted(w, r.getString(2));
                }
            }
        }
    }

    /** The lots with stock of every line's warehouse and material, "warehouse/material" -> lots, locked in (warehouse, lot) order. */
    private static Map<String, List<LotStock>> lockedLots(Connection c, List<Outgoing> lines) throws SQLException {
        Map<String, List<LotStock>> out = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("select b.warehouse_id, l.material_code, l.id, l.lot_number,"
                + " l.expiry_date, b.quantity from stock_balance b join stock_lot l on l.id = b.lot_id"
                + " join unnest(?::bigint[], ?::text[]) as n (warehouse_id, material_code)"
                + " on b.warehouse_id = n.warehouse_id and l.material_code = n.material_code"
                + " where b.quantity > 0 order by b.warehouse_id, b.lot_id for update of b")) {
            q.setArray(1, c.createArrayOf("bigint", lines.stream().map(o -> o.warehouse().id()).toArray(Long[]::new)));
            q.setArray(2, c.createArrayOf("text", lines.stream().map(o -> o.material().code()).toArray(String[]::new)));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    java.sql.Date expiry = r.getDate(5);
                    out.computeIfAbsent(r.getLong(1) + "/" + r.getString(2), k -> new ArrayList<>())
                            .add(new LotStock(r.getLong(3), r.getString(4), expiry == null ? null : expiry.toLocalDate(),
                                    new Quantity(r.getBigDecimal(6))));
                }
            }
        }
        return out;
    }

    /** Changes many balances in one statement; "warehouse/lot" -> balance after. */
    private static Map<String, BigDecimal> changeBalances(Connection c, List<Change> rows) throws SQLException {
        Map<String, BigDecimal> after = new HashMap<>();
        try (PreparedStatement u = c.prepareStatement("update stock_balance b set quantity = b.quantity + v.delta,"
                + " updated_at = now() from unnest(?::bigint[], ?::bigint[], ?::numeric[]) as v (warehouse_id, lot_id, delta)"
                + " where b.warehouse_id = v.warehouse_id and b.lot_id = v.lot_id and b.quantity + v.delta >= 0"
                + " returning b.warehouse_id, b.lot_id, b.quantity")) {
            u.setArray(1, c.createArrayOf("bigint", rows.stream().map(Change::warehouseId).toArray(Long[]::new)));
            u.setArray(2, c.createArrayOf("bigint", rows.stream().map(Change::lotId).toArray(Long[]::new)));
            u.setArray(3, c.createArrayOf("numeric", rows.stream().map(Change::delta).toArray(BigDecimal[]::new)));
            try (ResultSet r = u.executeQuery()) {
                while (r.next()) {
                    after.put(r.getLong(1) + "/" + r.getLong(2), r.getBigDecimal(3));
                }
            }
        }
        if (after.size() != rows.size()) { // the rows were locked and picked within their balance: a bug if seen
            throw new IllegalStateException("only " + after.size() + " of " + rows.size() + " balances could be changed");
        }
        return after;
    }

    /** Appends one movement per change, in the changes' order, with its balance after. */
    private static void appendMovements(Connection c, Entry entry, MovementType type, List<Change> rows,
                                        Map<String, BigDecimal> after) throws SQLException {
        try (PreparedStatement i = c.prepareStatement("insert into stock_movement (request_id, type, warehouse_id, lot_id,"
                + " quantity_delta, balance_after, occurred_at, registered_at, actor, reason, reference)"
                + " select ?, ?, v.warehouse_id, v.lot_id, v.delta, v.after, ?, ?, ?, ?, ?"
                + " from unnest(?::bigint[], ?::bigint[], ?::numeric[], ?::numeric[]) with ordinality"
                + " as v (warehouse_id, lot_id, delta, after, n) order by v.n")) {
            i.setLong(1, entry.requestId());
            i.setString(2, type.name());
            i.setObject(3, entry.occurredAt().atOffset(ZoneOffset.UTC));
            i.setObject(4, entry.registeredAt().atOffset(ZoneOffset.UTC));
            i.setString(5, entry.actor());
            i.setString(6, entry.reason());
            i.setString(7, entry.reference());
            i.setArray(8, c.createArrayOf("bigint", rows.stream().map(Change::warehouseId).toArray(Long[]::new)));
            i.setArray(9, c.createArrayOf("bigint", rows.stream().map(Change::lotId).toArray(Long[]::new)));
            i.setArray(10, c.createArrayOf("numeric", rows.stream().map(Change::delta).toArray(BigDecimal[]::new)));
            i.setArray(11, c.createArrayOf("numeric", rows.stream().map(r -> after.get(r.key())).toArray(BigDecimal[]::new)));
            int written = i.executeUpdate();
            if (written != rows.size()) {
                throw new IllegalStateException(written + " of " + rows.size() + " movements written");
            }
        }
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
            throw beingCounted(w, String.valueOf(counting.get(0)));
        }
    }

    /** The refusal of a movement while the warehouse's count {@code number} is open or awaiting approval. */
    private static org.reliefchain.platform.BusinessException beingCounted(Warehouse w, String number) {
        return new ConflictException("count-open", "warehouse " + w.code() + " is being counted (count " + number
                + "); stock moves again once the count is approved").withArgs(w.nameZh(), w.nameEn(), number, w.code());
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
