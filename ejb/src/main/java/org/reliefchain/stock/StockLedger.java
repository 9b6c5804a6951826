package org.reliefchain.stock;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.reliefchain.audit.AuditTrail;
import org.reliefchain.catalog.CatalogService;
import org.reliefchain.catalog.Material;
import org.reliefchain.network.Warehouse;
import org.reliefchain.network.WarehouseService;
import org.reliefchain.platform.Clock;
import org.reliefchain.platform.ConflictException;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.Limits;
import org.reliefchain.platform.NotFoundException;
import org.reliefchain.security.Caller;
import org.reliefchain.security.JurisdictionGuard;

/**
 * Records stock movements. One call is one transaction: the request row (idempotency key), the
 * movements, the balance changes and the audit record commit together or not at all.
 *
 * <p>Concurrency: requests with the same key are serialised by a transaction-scoped advisory lock;
 * an outgoing movement changes its balance with one conditional {@code UPDATE ... WHERE quantity +
 * delta >= 0}, so concurrent issues can neither lose an update nor drive a balance negative. The
 * lots of one warehouse are locked in lot order. Two transfers crossing in opposite directions over
 * the same lot can still deadlock; PostgreSQL then aborts one, which the client sees as 409 "retry".
 */
@Stateless
@RolesAllowed("WAREHOUSE_MANAGER")
public class StockLedger {

    /** Days are counted in China's time zone: a lot expiring on 8 August is usable all of that day there. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private JurisdictionGuard guard;

    @Inject
    private WarehouseService warehouses;

    @Inject
    private CatalogService catalog;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @Inject
    private StockViews views;

    @Inject
    private LedgerWriter writer;

    public MovementResult record(@NotNull @Valid MovementForm form) {
        Caller caller = guard.caller();
        String type = form.getType().trim().toUpperCase(Locale.ROOT);
        if (form.getWarehouse() != null && !form.getWarehouse().isBlank()) {
            // Jurisdiction before the key: a caller outside the warehouse's division is refused as such, and
            // never learns whether a key was used there.
            Warehouse w = warehouses.find(form.getWarehouse().trim());
            guard.require(w.division(), "stock of warehouse " + w.code());
        }
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, form.getIdempotencyKey()).getSingleResult();
        String fingerprint = sha256(form.canonical());
        StockRequest earlier = em.createQuery("select r from StockRequest r where r.idempotencyKey = :key",
                StockRequest.class).setParameter("key", form.getIdempotencyKey()).getResultStream().findFirst()
                .orElse(null);
        if (earlier != null) {
            // A key belongs to whoever sent it first: another caller gets the same refusal as a reused key, and
            // learns nothing of the movement (its id, actor or balance) nor whether the request matched.
            if (!earlier.actor().equals(caller.username()) || !earlier.fingerprint().equals(fingerprint)) {
                throw new ConflictException("idempotency-key-reused", "idempotency key " + form.getIdempotencyKey()
                        + " was used for a different request");
            }
            return MovementResult.of(views.ofRequest(earlier.id()), true);
        }
        Instant now = clock.now();
        long requestId = writer.openRequest(form.getIdempotencyKey(), fingerprint, caller.username(), now);
        LedgerWriter.Entry m = new LedgerWriter.Entry(requestId, caller.username(), occurredAt(form, now), now,
                form.getReason().trim(),
                form.getReference() == null || form.getReference().isBlank() ? null : form.getReference().trim());
        List<StockMovement> written = switch (type) {
            case "RECEIPT" -> List.of(receive(form, m));
            case "ISSUE" -> takeOut(form, m, MovementType.ISSUE);
            case "WRITE_OFF" -> takeOut(form, m, MovementType.WRITE_OFF);
            case "TRANSFER" -> transfer(form, m);
            case "REVERSAL" -> List.of(reverse(form, m));
            case "TRANSFER_OUT", "TRANSFER_IN" -> throw new InvalidInputException("type",
                    "send TRANSFER with toWarehouse: its two halves are recorded together");
            case "COUNT_ADJUSTMENT" -> throw new InvalidInputException("type",
                    "count adjustments come from an approved stock count");
            default -> throw new InvalidInputException("type",
                    "must be RECEIPT, ISSUE, TRANSFER, WRITE_OFF or REVERSAL");
        };
        em.flush();
        // The answer is built from the rows just written (all in this persistence context), not read back.
        List<MovementView> result = written.stream().map(w -> StockViews.view(w,
                em.find(Warehouse.class, w.warehouseId()).code(), em.find(StockLot.class, w.lotId()))).toList();
        MovementView first = result.get(0);
        audit.record("STOCK_" + type, "stock-movement", String.valueOf(first.id()),
                type + " " + first.quantity() + " " + first.material() + " lot " + first.lot() + " at "
                        + first.warehouse() + (result.size() > 1 ? " (+" + (result.size() - 1) + " more)" : "")
                        + ": " + m.reason());
        return MovementResult.of(result, false);
    }

    /** A receipt, checked: what {@link #checkReceipt} found, ready to write. */
    private record CheckedReceipt(Warehouse warehouse, Material material, Quantity quantity, String lotNumber,
                                  LocalDate production, LocalDate expiry, StockLot existingLot, LotSource source,
                                  Money cost, String owner) {
    }

    /**
     * Every rule a receipt must pass, without writing anything: the warehouse (active, inside the
     * jurisdiction), the material, the quantity, the dates (shelf life, not expired) and, for an existing
     * lot, the same expiry. Bulk imports check all their rows with it before writing any. Refusals are
     * returned, not thrown, and the check runs outside the caller's transaction: a refusal crossing
     * any bean boundary inside it (the jurisdiction guard's, say) would otherwise mark the importer's
     * transaction for rollback.
     */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
    public List<org.reliefchain.platform.InvalidInputException.FieldError> checkReceipt(@NotNull MovementForm form) {
        try {
            check(form);
            return List.of();
        } catch (InvalidInputException e) {
            return e.errors();
        } catch (org.reliefchain.platform.BusinessException e) {
            return List.of(new org.reliefchain.platform.InvalidInputException.FieldError("row", e.getMessage()));
        }
    }

    private CheckedReceipt check(MovementForm f) {
        Warehouse w = activeWarehouse("warehouse", f.getWarehouse());
        Material material = material(f);
        Quantity quantity = material.whole("quantity", Quantity.parsePositive("quantity", f.getQuantity()));
        String lotNumber = required("lot", f.getLot()).trim();
        LocalDate production = date("productionDate", f.getProductionDate());
        LocalDate expiry = date("expiryDate", f.getExpiryDate());
        if (production != null && expiry != null && production.isAfter(expiry)) {
            throw new InvalidInputException("productionDate", "must not be after the expiry date " + expiry,
                    "not-after-expiry", expiry.toString());
        }
        if (expiry == null && material.shelfLifeDays() != null) {
            if (production == null) {
                throw new InvalidInputException("expiryDate", "is required for " + material.code()
                        + " (shelf life " + material.shelfLifeDays() + " days), or give productionDate",
                        "expiry-required", material.nameZh(), String.valueOf(material.shelfLifeDays()), material.nameEn());
            }
            expiry = production.plusDays(material.shelfLifeDays());
        }
        if (expiry != null && expiry.isBefore(today())) {
            throw new InvalidInputException("expiryDate", "the lot expired on " + expiry + "; expired goods are not received",
                    "expired-receipt", expiry.toString());
        }
        StockLot lot = lotAt(w, material.code(), lotNumber);
        if (lot != null && f.getExpiryDate() != null && !java.util.Objects.equals(lot.expiryDate(), expiry)) {
            throw new ConflictException("lot-mismatch", "lot " + lotNumber + " of " + material.code()
                    + " is recorded with expiry " + lot.expiryDate() + ", not " + expiry);
        }
        LotSource source = f.getSource() == null ? LotSource.PURCHASE : parseSource(f.getSource());
        Money cost = f.getUnitCost() == null ? null
                : Money.parse("unitCost", f.getUnitCost().getAmount(), f.getUnitCost().getCurrency());
        String owner = f.getOwner() == null || f.getOwner().isBlank() ? w.code() : f.getOwner().trim();
        return new CheckedReceipt(w, material, quantity, lotNumber, production, expiry, lot, source, cost, owner);
    }

    private StockMovement receive(MovementForm f, LedgerWriter.Entry m) {
        CheckedReceipt r = check(f);
        StockLot lot = r.existingLot();
        if (lot == null) {
            lot = new StockLot(r.material().code(), r.lotNumber(), r.production(), r.expiry(), r.source(), r.cost(),
                    r.owner(), r.warehouse().id(), m.registeredAt());
            em.persist(lot);
            em.flush();
        }
        return writer.post(m, MovementType.RECEIPT, r.warehouse(), lot, r.quantity(), null);
    }

    private List<StockMovement> takeOut(MovementForm f, LedgerWriter.Entry m, MovementType type) {
        Warehouse w = activeWarehouse("warehouse", f.getWarehouse());
        Material material = material(f);
        Quantity quantity = material.whole("quantity", Quantity.parsePositive("quantity", f.getQuantity()));
        List<StockMovement> out = new ArrayList<>();
        for (FefoPicker.Pick pick : writer.choose(w, material, f.getLot(), quantity, type == MovementType.WRITE_OFF)) {
            out.add(writer.post(m, type, w, em.find(StockLot.class, pick.lot().lotId()), pick.quantity().negate(), null));
        }
        return out;
    }

    private List<StockMovement> transfer(MovementForm f, LedgerWriter.Entry m) {
        Warehouse from = activeWarehouse("warehouse", f.getWarehouse());
        Warehouse to = activeWarehouse("toWarehouse", required("toWarehouse", f.getToWarehouse()));
        if (from.id().equals(to.id())) {
            throw new InvalidInputException("toWarehouse", "must differ from warehouse", "same-warehouse");
        }
        Material material = material(f);
        Quantity quantity = material.whole("quantity", Quantity.parsePositive("quantity", f.getQuantity()));
        List<StockMovement> out = new ArrayList<>();
        for (FefoPicker.Pick pick : writer.choose(from, material, f.getLot(), quantity, false)) {
            StockLot lot = em.find(StockLot.class, pick.lot().lotId());
            out.add(writer.post(m, MovementType.TRANSFER_OUT, from, lot, pick.quantity().negate(), null));
            out.add(writer.post(m, MovementType.TRANSFER_IN, to, lot, pick.quantity(), null));
        }
        return out;
    }

    private StockMovement reverse(MovementForm f, LedgerWriter.Entry m) {
        if (f.getReverses() == null) {
            throw new InvalidInputException("reverses", "is required: the id of the movement to cancel");
        }
        StockMovement original = em.find(StockMovement.class, f.getReverses());
        if (original == null) {
            throw new NotFoundException("movement", f.getReverses());
        }
        Warehouse w = em.find(Warehouse.class, original.warehouseId());
        guard.require(w.division(), "stock of warehouse " + w.code());
        if (original.type() == MovementType.REVERSAL) {
            throw new ConflictException("not-reversible", "a reversal cannot itself be reversed; record the movement again");
        }
        Long already = em.createQuery("select count(x) from StockMovement x where x.reversesId = :id", Long.class)
                .setParameter("id", original.id()).getSingleResult();
        if (already > 0) {
            throw new ConflictException("already-reversed", "movement " + original.id() + " is already reversed");
        }
        return writer.post(m, MovementType.REVERSAL, w, em.find(StockLot.class, original.lotId()),
                original.delta().negate(), original.id());
    }

    private Warehouse activeWarehouse(String field, String code) {
        Warehouse w = warehouses.find(required(field, code).trim());
        guard.require(w.division(), "stock of warehouse " + w.code());
        if (!w.active()) {
            throw new ConflictException("warehouse-inactive", "warehouse " + w.code() + " is inactive");
        }
        return w;
    }

    private Material material(MovementForm f) {
        return catalog.find(required("material", f.getMaterial()).trim());
    }

    /**
     * The lot a receipt of {@code number} at {@code w} adds to: one the warehouse holds or has held (a lot
     * transferred in keeps its number), else the one it is home to; null for a new lot. Lots elsewhere are
     * never looked at, so a receipt tells nothing of other warehouses' numbers.
     */
    private StockLot lotAt(Warehouse w, String material, String number) {
        List<?> ids = em.createNativeQuery("select l.id from stock_lot l where l.material_code = ?1 and l.lot_number = ?2"
                        + " and (l.home_warehouse_id = ?3 or exists (select 1 from stock_balance b where b.lot_id = l.id"
                        + " and b.warehouse_id = ?3)) order by l.home_warehouse_id = ?3 desc, l.id limit 1")
                .setParameter(1, material).setParameter(2, number).setParameter(3, w.id()).getResultList();
        return ids.isEmpty() ? null : em.find(StockLot.class, ((Number) ids.get(0)).longValue());
    }

    private LocalDate today() {
        return clock.now().atZone(CHINA).toLocalDate();
    }

    private static Instant occurredAt(MovementForm f, Instant now) {
        if (f.getOccurredAt() == null || f.getOccurredAt().isBlank()) {
            return now;
        }
        Instant at = Limits.instant("occurredAt", f.getOccurredAt());
        if (at.isAfter(now.plusSeconds(300))) {
            throw new InvalidInputException("occurredAt", "must not be in the future", "future");
        }
        return at;
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Limits.date(field, text);
    }

    private static LotSource parseSource(String text) {
        try {
            return LotSource.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("source", "must be PURCHASE, DONATION, TRANSFER, AGREEMENT or REQUISITION");
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required", "required");
        }
        return value;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
