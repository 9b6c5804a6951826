package org.reliefchain.allocation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.reliefchain.audit.AuditTrail;
import org.reliefchain.incident.Incident;
import org.reliefchain.incident.IncidentService;
import org.reliefchain.catalog.CatalogService;
import org.reliefchain.catalog.Material;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.division.DivisionLevel;
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
import org.reliefchain.security.OutsideJurisdictionException;
import org.reliefchain.stock.FefoPicker;
import org.reliefchain.stock.LedgerWriter;
import org.reliefchain.stock.MovementType;
import org.reliefchain.stock.Quantity;
import org.reliefchain.stock.StockLot;

/**
 * Allocation orders. Who may do what:
 * <ul>
 *   <li>create, submit, receive: a manager whose jurisdiction contains the destination (the requester);</li>
 *   <li>approve, reject: a manager whose jurisdiction contains both ends, not the requester;</li>
 *   <li>ship: a manager whose jurisdiction contains the source.</li>
 * </ul>
 */
@Stateless
@RolesAllowed("WAREHOUSE_MANAGER")
public class AllocationService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Which orders a list shows: those waiting for me (inbox), those I asked for (outbox), or both. */
    public enum Box { INBOX, OUTBOX, ALL }

    @PersistenceContext
    private EntityManager em;
    @Inject
    private JurisdictionGuard guard;
    @Inject
    private WarehouseService warehouses;
    @Inject
    private CatalogService catalog;
    @Inject
    private LedgerWriter ledger;
    @Inject
    private AuditTrail audit;
    @Inject
    private Clock clock;
    @Inject
    private IncidentService incidents;

    public AllocationView create(@NotNull @Valid AllocationForm form) {
        Caller caller = guard.caller();
        Warehouse to = warehouses.find(form.getToWarehouse().trim());
        guard.require(to.division(), "requesting for warehouse " + to.code());
        Warehouse from = warehouses.find(form.getFromWarehouse().trim());
        if (from.id().equals(to.id())) {
            throw new InvalidInputException("fromWarehouse", "must differ from toWarehouse", "same-warehouse");
        }
        if (!from.active() || !to.active()) {
            throw new ConflictException("warehouse-inactive", "both warehouses must be active");
        }
        Incident incident = emergencyIncident(form);
        Instant now = clock.now();
        String emergency = incident == null ? null : incident.number();
        AllocationOrder order = new AllocationOrder(from.id(), to.id(), form.getPurpose().trim(), emergency,
                incident == null ? null : incident.id(),
                commonAncestor(from.division(), to.division()).value(), caller.username(), now);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < form.getLines().size(); i++) {
            AllocationForm.LineForm line = form.getLines().get(i);
            Material material = catalog.find(line.getMaterial().trim());
            if (!seen.add(material.code())) {
                throw new InvalidInputException("lines[" + i + "].material", material.code() + " is listed twice",
                        "listed-twice");
            }
            order.addLine(material.code(), material.whole("lines[" + i + "].quantity",
                    Quantity.parsePositive("lines[" + i + "].quantity", line.getQuantity())));
        }
        em.persist(order);
        em.flush();
        audit.record("ALLOCATION_CREATED", "allocation", order.reference(), "draft from " + from.code() + " to "
                + to.code() + ", " + order.lines().size() + " materials" + (emergency == null ? "" : ", emergency "
                + emergency));
        return view(order);
    }

    /**
     * The emergency fast-track order (紧急调拨) a relief plan's approval makes for stock it draws from a
     * warehouse outside the dispatcher's jurisdiction: from that warehouse to the dispatcher's warehouse
     * whose trucks carry it on, submitted at once, so the source may ship before approval (the emergency
     * rule of every such order). Inside the approving transaction; the caller must cover the destination.
     */
    @RolesAllowed({"DISPATCHER", "ADMIN"})
    public AllocationView forRelief(Warehouse from, Warehouse to, Incident incident, Map<String, Quantity> lines,
                                    String purpose) {
        Caller caller = guard.require(to.division(), "requesting for warehouse " + to.code());
        Instant now = clock.now();
        AllocationOrder order = new AllocationOrder(from.id(), to.id(), purpose, incident.number(), incident.id(),
                commonAncestor(from.division(), to.division()).value(), caller.username(), now);
        new java.util.TreeMap<>(lines).forEach(order::addLine);
        order.submit(caller.username(), nextNumber(now), now);
        em.persist(order);
        em.flush();
        audit.record("ALLOCATION_CREATED", "allocation", order.number(), "from " + from.code() + " to " + to.code() + ", "
                + order.lines().size() + " materials, emergency " + incident.number() + " (relief plan fast-track), submitted");
        return view(order);
    }

    /** Gives the order its number; audited under the number, with the draft's id to link the two. */
    public AllocationView submit(long id) {
        AllocationOrder order = find(id);
        Caller caller = requireDestination(order, "submit");
        String draft = order.reference();
        Instant now = clock.now();
        // A draft made before numbers moved to submission (V13) keeps the number it was given.
        order.submit(caller.username(), order.number() != null ? order.number() : nextNumber(now), now);
        return saved(order, "ALLOCATION_SUBMITTED", "submitted (was draft " + draft + ")");
    }

    /** A draft may be thrown away: it has no number yet and nothing has moved. */
    public void deleteDraft(long id) {
        AllocationOrder order = find(id);
        requireDestination(order, "delete");
        if (order.status() != AllocationStatus.DRAFT) {
            throw new ConflictException("wrong-status", "order " + order.reference() + " is " + order.status()
                    + "; only a draft can be deleted (cancel it instead)");
        }
        String content = order.lines().stream().map(l -> l.materialCode() + " x " + l.requested())
                .reduce((a, b) -> a + ", " + b).orElse("");
        for (AllocationLine line : order.lines()) {
            em.remove(line);
        }
        em.remove(order);
        em.flush();
        audit.record("ALLOCATION_DRAFT_DELETED", "allocation", order.reference(), "draft " + order.reference()
                + " deleted: " + content);
    }

    /** A submitted or approved order not yet shipped, with a reason that the order's timeline keeps. */
    public AllocationView cancel(long id, String reason) {
        String why = requiredReason(reason, "cancelling");
        AllocationOrder order = find(id);
        Caller caller = guard.caller();
        Warehouse from = em.find(Warehouse.class, order.fromWarehouseId());
        Warehouse to = em.find(Warehouse.class, order.toWarehouseId());
        boolean source = caller.jurisdiction().covers(from.division());
        boolean destination = caller.jurisdiction().covers(to.division());
        if (!destination && !source) {
            throw new OutsideJurisdictionException(caller.jurisdiction().root(), to.division(), "allocation order");
        }
        order.cancel(caller.username(), why, clock.now());
        return saved(order, "ALLOCATION_CANCELLED", "cancelled: " + why);
    }

    public AllocationView approve(long id) {
        AllocationOrder order = find(id);
        Caller caller = requireApprover(order);
        order.approve(caller.username(), clock.now());
        return saved(order, "ALLOCATION_APPROVED", "approved by " + caller.username());
    }

    public AllocationView reject(long id, String reason) {
        String why = requiredReason(reason, "rejecting");
        AllocationOrder order = find(id);
        Caller caller = requireApprover(order);
        order.reject(caller.username(), why, clock.now());
        return saved(order, "ALLOCATION_REJECTED", "rejected: " + why);
    }

    /** Ships every line in full, first-expiry-first-out; 409 naming the material when the source is short. */
    public AllocationView ship(long id) {
        return ship(id, null);
    }

    /**
     * Ships what the form says (everything as asked without lines), first-expiry-first-out; 409 naming the
     * material when the source holds less. Less than asked needs a reason: the rest is closed short.
     */
    public AllocationView ship(long id, ShipForm form) {
        AllocationOrder order = find(id);
        Warehouse from = em.find(Warehouse.class, order.fromWarehouseId());
        Caller caller = guard.require(from.division(), "shipping from warehouse " + from.code());
        Map<Long, Quantity> leaving = shipped(order, form, catalog::find);
        boolean partial = order.lines().stream().anyMatch(l -> leaving.get(l.id()).compareTo(l.requested()) < 0);
        String shortReason = null;
        if (partial) {
            shortReason = requiredReason(form.getReason(), "shipping less than was asked for");
        }
        Instant now = clock.now();
        order.ship(caller.username(), shortReason, now);
        long request = ledger.openRequest("allocation-" + order.id() + "-ship", "allocation", caller.username(), now);
        LedgerWriter.Entry entry = new LedgerWriter.Entry(request, caller.username(), now, now,
                "调拨出库 " + order.number(), order.number());
        for (AllocationLine line : order.lines()) {
            Quantity quantity = leaving.get(line.id());
            if (quantity.isPositive()) {
                Material material = catalog.find(line.materialCode());
                for (FefoPicker.Pick pick : ledger.choose(from, material, null, quantity, false)) {
                    StockLot lot = em.find(StockLot.class, pick.lot().lotId());
                    ledger.post(entry, MovementType.TRANSFER_OUT, from, lot, pick.quantity().negate(), null);
                    em.persist(new AllocationShipment(line.id(), lot.id(), pick.quantity()));
                }
            }
            line.shipped(quantity);
        }
        return saved(order, "ALLOCATION_SHIPPED", (partial ? "shipped in part, the rest closed short: " + shortReason
                : "shipped") + (order.isEmergency() && !approved(order)
                ? " before approval (emergency " + order.number() + ")" : ""));
    }

    /** Per line, what leaves: as asked unless the form says less; at least something must leave. */
    private static Map<Long, Quantity> shipped(AllocationOrder order, ShipForm form,
                                               java.util.function.Function<String, Material> materials) {
        Map<Long, Quantity> leaving = new HashMap<>();
        order.lines().forEach(l -> leaving.put(l.id(), l.requested()));
        if (form == null || form.getLines() == null) {
            return leaving;
        }
        Map<String, AllocationLine> byMaterial = new HashMap<>();
        order.lines().forEach(l -> byMaterial.put(l.materialCode(), l));
        for (int i = 0; i < form.getLines().size(); i++) {
            ShipForm.LineShipment s = form.getLines().get(i);
            String field = "lines[" + i + "]";
            if (s == null || s.getMaterial() == null || byMaterial.get(s.getMaterial().trim()) == null) {
                throw new InvalidInputException(field + ".material", "must be a material of this order",
                        "not-on-order");
            }
            AllocationLine line = byMaterial.get(s.getMaterial().trim());
            Quantity q = Quantity.parseNonNegative(field + ".quantity", s.getQuantity());
            materials.apply(line.materialCode()).whole(field + ".quantity", q);
            if (q.compareTo(line.requested()) > 0) {
                throw new InvalidInputException(field + ".quantity", "must not exceed the " + line.requested()
                        + " asked for", "not-more-than", line.requested().toString());
            }
            leaving.put(line.id(), q);
        }
        if (leaving.values().stream().noneMatch(Quantity::isPositive)) {
            throw new InvalidInputException("lines", "nothing would leave: to ship nothing, cancel the order",
                    "nothing-to-ship");
        }
        return leaving;
    }

    private static String requiredReason(String reason, String when) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.required("reason", when);
        }
        String why = reason.trim();
        if (why.length() > 300) {
            throw new InvalidInputException("reason", "must have at most 300 characters", "length", "300");
        }
        return why;
    }

    /**
     * The year's next document number, from a counter row updated in this transaction: concurrent submissions
     * queue on the row, and a rolled-back one gives its number back, so the series has no gaps.
     */
    private String nextNumber(Instant now) {
        int year = now.atZone(CHINA).getYear();
        Number next = (Number) em.createNativeQuery("insert into allocation_number (year, last_number) values (?1, 1)"
                + " on conflict (year) do update set last_number = allocation_number.last_number + 1"
                + " returning last_number").setParameter(1, year).getSingleResult();
        return "DB" + year + "-" + String.format("%06d", next.longValue());
    }

    /** Takes in what arrived; damaged goods are received and written off, missing goods recorded as short. */
    public AllocationView receive(long id, ReceiptForm form) {
        AllocationOrder order = find(id);
        Warehouse to = em.find(Warehouse.class, order.toWarehouseId());
        Caller caller = requireDestination(order, "receive");
        if (caller.username().equals(order.shippedBy())) {
            throw new ConflictException("same-person", "order " + order.reference() + " was shipped by "
                    + caller.username() + "; the receiving side confirms its receipt");
        }
        Map<String, ReceiptForm.LineReceipt> reported = new HashMap<>();
        if (form != null && form.getLines() != null) {
            for (ReceiptForm.LineReceipt r : form.getLines()) {
                reported.put(r.getMaterial(), r);
            }
        }
        Instant now = clock.now();
        order.receive(caller.username(), now);
        long request = ledger.openRequest("allocation-" + order.id() + "-receive", "allocation", caller.username(), now);
        LedgerWriter.Entry arrival = new LedgerWriter.Entry(request, caller.username(), now, now,
                "调拨入库 " + order.number(), order.number());
        LedgerWriter.Entry damage = new LedgerWriter.Entry(request, caller.username(), now, now,
                "调拨到货破损 " + order.number(), order.number());
        for (AllocationLine line : order.lines()) {
            ReceiptForm.LineReceipt r = reported.remove(line.materialCode());
            Quantity damaged = r == null || r.getDamaged() == null || r.getDamaged().isBlank() ? Quantity.ZERO
                    : nonNegative("damaged", line, r.getDamaged());
            if (damaged.compareTo(line.shipped()) > 0) {
                throw new InvalidInputException("lines." + line.materialCode() + ".damaged", "damaged " + damaged
                        + " exceeds the " + line.shipped() + " shipped", "not-more-than", line.shipped().toString());
            }
            Quantity good = r == null || r.getReceived() == null || r.getReceived().isBlank()
                    ? line.shipped().minus(damaged) : nonNegative("received", line, r.getReceived());
            Quantity arrived = good.plus(damaged);
            if (arrived.compareTo(line.shipped()) > 0) {
                throw new InvalidInputException("lines." + line.materialCode() + ".received", "received " + good
                        + " and damaged " + damaged + " exceed the " + line.shipped() + " shipped", "exceeds-shipped",
                        line.shipped().toString());
            }
            Quantity toTakeIn = arrived;
            Quantity toWriteOff = damaged;
            for (AllocationShipment s : shipments(line)) {
                StockLot lot = em.find(StockLot.class, s.lotId());
                Quantity in = s.quantity().min(toTakeIn);
                if (in.isPositive()) {
                    ledger.post(arrival, MovementType.TRANSFER_IN, to, lot, in, null);
                    toTakeIn = toTakeIn.minus(in);
                    Quantity off = in.min(toWriteOff);
                    if (off.isPositive()) {
                        ledger.post(damage, MovementType.WRITE_OFF, to, lot, off.negate(), null);
                        toWriteOff = toWriteOff.minus(off);
                    }
                }
            }
            line.received(good, damaged, r == null ? null : r.getNote());
        }
        if (!reported.isEmpty()) {
            throw new InvalidInputException("lines", "not on this order: " + reported.keySet());
        }
        return saved(order, "ALLOCATION_RECEIVED", "received");
    }

    /**
     * One order; for a viewer who covers the source and while the order has not shipped, each line also says
     * how much usable stock the source holds now, so that an approver or shipper sees a shortage before acting.
     */
    @RolesAllowed({"WAREHOUSE_MANAGER", "DISPATCHER", "FINANCE", "AUDITOR", "ADMIN"})
    public AllocationView get(long id) {
        AllocationOrder order = find(id);
        Caller caller = guard.caller();
        Warehouse from = em.find(Warehouse.class, order.fromWarehouseId());
        Warehouse to = em.find(Warehouse.class, order.toWarehouseId());
        if (!caller.jurisdiction().covers(from.division()) && !caller.jurisdiction().covers(to.division())) {
            throw new OutsideJurisdictionException(caller.jurisdiction().root(), to.division(), "allocation order");
        }
        boolean beforeShipping = order.status() == AllocationStatus.DRAFT || order.status() == AllocationStatus.SUBMITTED
                || order.status() == AllocationStatus.APPROVED;
        return view(order, beforeShipping && caller.jurisdiction().covers(from.division()) ? from : null);
    }

    /**
     * INBOX: orders waiting for something the caller may do now (approve or reject, ship, receive); OUTBOX:
     * orders the caller asked for; ALL: every order touching the caller's jurisdiction.
     */
    @RolesAllowed({"WAREHOUSE_MANAGER", "DISPATCHER", "FINANCE", "AUDITOR", "ADMIN"})
    public Page<AllocationView> list(AllocationStatus status, Box box, PageRequest page) {
        Caller caller = guard.caller();
        String scope = caller.jurisdiction().likePattern();
        PagedQuery<AllocationOrder> q = PagedQuery.of(AllocationOrder.class, "o", "Warehouse f, Warehouse t")
                .and("f.id = o.fromWarehouseId and t.id = o.toWarehouseId");
        switch (box) {
            case INBOX -> q.and("(f.divisionCode like :s1 and t.divisionCode like :s2 and o.requestedBy <> :me"
                            + " and (o.submittedBy is null or o.submittedBy <> :me)"
                            + " and o.approvedAt is null and (o.status = :submitted or o.emergencyReference is not null"
                            + " and o.status in :late))"
                            + " or (f.divisionCode like :s3 and (o.status = :approved or o.status = :submitted2"
                            + " and o.emergencyReference is not null))"
                            + " or (t.divisionCode like :s4 and o.status = :shipped and o.shippedBy <> :me)",
                    "s1", scope, "s2", scope, "s3", scope, "s4", scope, "me", caller.username(),
                    "submitted", AllocationStatus.SUBMITTED, "submitted2", AllocationStatus.SUBMITTED,
                    "late", List.of(AllocationStatus.SHIPPED, AllocationStatus.RECEIVED),
                    "approved", AllocationStatus.APPROVED, "shipped", AllocationStatus.SHIPPED);
            case OUTBOX -> q.and("o.requestedBy = :me", "me", caller.username());
            default -> q.and("f.divisionCode like :scope or t.divisionCode like :scope", "scope", scope);
        }
        if (caller.role() != org.reliefchain.security.Role.WAREHOUSE_MANAGER && box == Box.INBOX) {
            q.and("1 = 0");
        }
        q.andIf(status, "o.status = :status", "status");
        return q.fetch(em, "o.id desc", page).map(this::view);
    }

    /** The lowest division containing both: the level whose managers approve. */
    static DivisionCode commonAncestor(DivisionCode a, DivisionCode b) {
        DivisionCode common = DivisionCode.of(a.value().substring(0, 2));
        for (DivisionLevel level : DivisionLevel.values()) {
            int n = level.codeLength();
            if (a.value().length() >= n && b.value().length() >= n
                    && a.value().substring(0, n).equals(b.value().substring(0, n))) {
                common = DivisionCode.of(a.value().substring(0, n));
            }
        }
        return common;
    }

    private Caller requireApprover(AllocationOrder order) {
        Caller caller = guard.caller();
        Warehouse from = em.find(Warehouse.class, order.fromWarehouseId());
        Warehouse to = em.find(Warehouse.class, order.toWarehouseId());
        caller.jurisdiction().requireCovers(from.division(), "approving an order from " + from.code());
        caller.jurisdiction().requireCovers(to.division(), "approving an order to " + to.code());
        if (order.involves(caller.username())) {
            throw new ConflictException("self-approval", "the requester cannot approve their own order");
        }
        return caller;
    }

    private Caller requireDestination(AllocationOrder order, String verb) {
        Warehouse to = em.find(Warehouse.class, order.toWarehouseId());
        return guard.require(to.division(), verb + " for warehouse " + to.code());
    }

    private static boolean approved(AllocationOrder order) {
        return order.status() == AllocationStatus.APPROVED || order.status() == AllocationStatus.CLOSED;
    }

    private Quantity nonNegative(String what, AllocationLine line, String text) {
        Quantity q = catalog.find(line.materialCode()).whole("lines." + line.materialCode() + "." + what,
                new Quantity(parse(what, line, text)));
        if (q.value().signum() < 0) {
            throw new InvalidInputException("lines." + line.materialCode() + "." + what, "must not be negative",
                    "negative");
        }
        return q;
    }

    private static java.math.BigDecimal parse(String what, AllocationLine line, String text) {
        try {
            java.math.BigDecimal v = new java.math.BigDecimal(text.trim());
            if (v.stripTrailingZeros().scale() > Quantity.SCALE) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("lines." + line.materialCode() + "." + what,
                    "must be a decimal number with at most 3 decimals", "number");
        }
    }

    private List<AllocationShipment> shipments(AllocationLine line) {
        return em.createQuery("select s from AllocationShipment s, StockLot l where s.lineId = :line and l.id = s.lotId"
                + " order by l.expiryDate, l.lotNumber", AllocationShipment.class)
                .setParameter("line", line.id()).getResultList();
    }

    private AllocationOrder find(long id) {
        AllocationOrder order = em.find(AllocationOrder.class, id);
        if (order == null) {
            throw new NotFoundException("allocation order", id);
        }
        return order;
    }

    private AllocationView saved(AllocationOrder order, String action, String summary) {
        em.flush();
        audit.record(action, "allocation", order.reference(), order.reference() + " " + summary);
        return view(order);
    }

    private AllocationView view(AllocationOrder order) {
        return view(order, null);
    }

    /** {@code stockOf}: the source, when the lines should say what it holds now; else null. */
    private AllocationView view(AllocationOrder order, Warehouse stockOf) {
        Warehouse from = em.find(Warehouse.class, order.fromWarehouseId());
        Warehouse to = em.find(Warehouse.class, order.toWarehouseId());
        List<AllocationView.InTransit> inTransit = new ArrayList<>();
        if (order.status() == AllocationStatus.SHIPPED) {
            for (AllocationLine line : order.lines()) {
                for (AllocationShipment s : shipments(line)) {
                    inTransit.add(new AllocationView.InTransit(line.materialCode(),
                            em.find(StockLot.class, s.lotId()).lotNumber(), s.quantity().toString()));
                }
            }
        }
        List<AllocationView.Line> lines = order.lines().stream()
                .map(l -> l.view(catalog.find(l.materialCode()), stockOf == null ? null : usable(stockOf, l.materialCode())))
                .toList();
        return order.view(place(from), place(to), lines, inTransit,
                AllocationAction.allowed(order, guard.caller(), from.division(), to.division()), clock.now());
    }

    /** Usable (not expired) stock of a material in a warehouse now. */
    private String usable(Warehouse w, String material) {
        Number q = (Number) em.createNativeQuery("select coalesce(sum(b.quantity), 0) from stock_balance b"
                        + " join stock_lot l on l.id = b.lot_id where b.warehouse_id = ?1 and l.material_code = ?2"
                        + " and (l.expiry_date is null or l.expiry_date >= ?3)")
                .setParameter(1, w.id()).setParameter(2, material)
                .setParameter(3, java.time.LocalDate.ofInstant(clock.now(), CHINA)).getSingleResult();
        return new Quantity(new java.math.BigDecimal(q.toString())).toString();
    }

    private static AllocationView.Place place(Warehouse w) {
        return new AllocationView.Place(w.code(), w.nameZh(), w.nameEn());
    }

    public static AllocationStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return AllocationStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "must be one of " + List.of(AllocationStatus.values()));
        }
    }

    /** The open incident an emergency order names, checked before any number is drawn. */
    private Incident emergencyIncident(AllocationForm form) {
        String ref = form.getIncident() != null && !form.getIncident().isBlank() ? form.getIncident()
                : form.getEmergencyReference();
        if (ref == null || ref.isBlank()) {
            return null;
        }
        return incidents.open(ref.trim(), guard.caller())
                .orElseThrow(() -> new InvalidInputException("incident", "no open incident " + ref.trim()
                        + " that you may see: an emergency order names a declared incident"));
    }
}
