package org.reliefchain.allocation;

import java.time.Instant;
import java.time.Year;
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
            throw new InvalidInputException("fromWarehouse", "must differ from toWarehouse");
        }
        if (!from.active() || !to.active()) {
            throw new ConflictException("warehouse-inactive", "both warehouses must be active");
        }
        Incident incident = emergencyIncident(form);
        Instant now = clock.now();
        long seq = ((Number) em.createNativeQuery("select nextval('allocation_number_seq')").getSingleResult()).longValue();
        String number = "DB" + Year.now(CHINA).getValue() + "-" + String.format("%06d", seq);
        String emergency = incident == null ? null : incident.number();
        AllocationOrder order = new AllocationOrder(number, from.id(), to.id(), form.getPurpose().trim(), emergency,
                incident == null ? null : incident.id(),
                commonAncestor(from.division(), to.division()).value(), caller.username(), now);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < form.getLines().size(); i++) {
            AllocationForm.LineForm line = form.getLines().get(i);
            Material material = catalog.find(line.getMaterial().trim());
            if (!seen.add(material.code())) {
                throw new InvalidInputException("lines[" + i + "].material", material.code() + " is listed twice");
            }
            order.addLine(material.code(), Quantity.parsePositive("lines[" + i + "].quantity", line.getQuantity()));
        }
        em.persist(order);
        em.flush();
        audit.record("ALLOCATION_CREATED", "allocation", number, "from " + from.code() + " to " + to.code() + ", "
                + order.lines().size() + " materials" + (emergency == null ? "" : ", emergency " + emergency));
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
        long seq = ((Number) em.createNativeQuery("select nextval('allocation_number_seq')").getSingleResult()).longValue();
        String number = "DB" + Year.now(CHINA).getValue() + "-" + String.format("%06d", seq);
        AllocationOrder order = new AllocationOrder(number, from.id(), to.id(), purpose, incident.number(), incident.id(),
                commonAncestor(from.division(), to.division()).value(), caller.username(), now);
        new java.util.TreeMap<>(lines).forEach(order::addLine);
        order.submit(now);
        em.persist(order);
        em.flush();
        audit.record("ALLOCATION_CREATED", "allocation", number, "from " + from.code() + " to " + to.code() + ", "
                + order.lines().size() + " materials, emergency " + incident.number() + " (relief plan fast-track), submitted");
        return view(order);
    }

    public AllocationView submit(long id) {
        AllocationOrder order = find(id);
        requireDestination(order, "submit");
        order.submit(clock.now());
        return saved(order, "ALLOCATION_SUBMITTED", "submitted");
    }

    public AllocationView approve(long id) {
        AllocationOrder order = find(id);
        Caller caller = requireApprover(order);
        order.approve(caller.username(), clock.now());
        return saved(order, "ALLOCATION_APPROVED", "approved by " + caller.username());
    }

    public AllocationView reject(long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "is required when rejecting");
        }
        AllocationOrder order = find(id);
        Caller caller = requireApprover(order);
        order.reject(caller.username(), reason.trim(), clock.now());
        return saved(order, "ALLOCATION_REJECTED", "rejected: " + reason.trim());
    }

    /** Ships every line in full, first-expiry-first-out; 409 naming the material when the source is short. */
    public AllocationView ship(long id) {
        AllocationOrder order = find(id);
        Warehouse from = em.find(Warehouse.class, order.fromWarehouseId());
        Caller caller = guard.require(from.division(), "shipping from warehouse " + from.code());
        Instant now = clock.now();
        order.ship(caller.username(), now);
        long request = ledger.openRequest("allocation-" + order.id() + "-ship", "allocation", caller.username(), now);
        LedgerWriter.Entry entry = new LedgerWriter.Entry(request, caller.username(), now, now,
                "调拨出库 " + order.number(), order.number());
        for (AllocationLine line : order.lines()) {
            Material material = catalog.find(line.materialCode());
            for (FefoPicker.Pick pick : ledger.choose(from, material, null, line.requested(), false)) {
                StockLot lot = em.find(StockLot.class, pick.lot().lotId());
                ledger.post(entry, MovementType.TRANSFER_OUT, from, lot, pick.quantity().negate(), null);
                em.persist(new AllocationShipment(line.id(), lot.id(), pick.quantity()));
            }
            line.shipped(line.requested());
        }
        return saved(order, "ALLOCATION_SHIPPED", "shipped" + (order.isEmergency() && !approved(order)
                ? " before approval (emergency " + order.number() + ")" : ""));
    }

    /** Takes in what arrived; damaged goods are received and written off, missing goods recorded as short. */
    public AllocationView receive(long id, ReceiptForm form) {
        AllocationOrder order = find(id);
        Warehouse to = em.find(Warehouse.class, order.toWarehouseId());
        Caller caller = requireDestination(order, "receive");
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
            Quantity good = r == null || r.getReceived() == null || r.getReceived().isBlank()
                    ? line.shipped().minus(damaged) : nonNegative("received", line, r.getReceived());
            Quantity arrived = good.plus(damaged);
            if (arrived.compareTo(line.shipped()) > 0) {
                throw new InvalidInputException("lines." + line.materialCode(), "received " + good + " and damaged "
                        + damaged + " exceed the " + line.shipped() + " shipped");
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

    public AllocationView get(long id) {
        AllocationOrder order = find(id);
        Caller caller = guard.caller();
        Warehouse from = em.find(Warehouse.class, order.fromWarehouseId());
        Warehouse to = em.find(Warehouse.class, order.toWarehouseId());
        if (!caller.jurisdiction().covers(from.division()) && !caller.jurisdiction().covers(to.division())) {
            throw new OutsideJurisdictionException(caller.jurisdiction().root(), to.division(), "allocation order");
        }
        return view(order);
    }

    public Page<AllocationView> list(AllocationStatus status, Box box, PageRequest page) {
        String scope = guard.caller().jurisdiction().likePattern();
        String inbox = "(f.divisionCode like :scope or (f.divisionCode like :scope2 and t.divisionCode like :scope3"
                + " and o.approvedAt is null and o.status in :waiting))";
        String outbox = "t.divisionCode like :scope";
        PagedQuery<AllocationOrder> q = PagedQuery.of(AllocationOrder.class, "o", "Warehouse f, Warehouse t")
                .and("f.id = o.fromWarehouseId and t.id = o.toWarehouseId");
        switch (box) {
            case INBOX -> q.and(inbox, "scope", scope, "scope2", scope, "scope3", scope, "waiting",
                    List.of(AllocationStatus.SUBMITTED, AllocationStatus.SHIPPED, AllocationStatus.RECEIVED));
            case OUTBOX -> q.and(outbox, "scope", scope);
            default -> q.and("f.divisionCode like :scope or t.divisionCode like :scope", "scope", scope);
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
        if (caller.username().equals(order.requestedBy())) {
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

    private static Quantity nonNegative(String what, AllocationLine line, String text) {
        Quantity q = new Quantity(parse(what, line, text));
        if (q.value().signum() < 0) {
            throw new InvalidInputException("lines." + line.materialCode() + "." + what, "must not be negative");
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
                    "must be a decimal number with at most 3 decimals");
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
        audit.record(action, "allocation", order.number(), order.number() + " " + summary);
        return view(order);
    }

    private AllocationView view(AllocationOrder order) {
        String fromCode = em.find(Warehouse.class, order.fromWarehouseId()).code();
        String toCode = em.find(Warehouse.class, order.toWarehouseId()).code();
        List<AllocationView.InTransit> inTransit = new ArrayList<>();
        if (order.status() == AllocationStatus.SHIPPED) {
            for (AllocationLine line : order.lines()) {
                for (AllocationShipment s : shipments(line)) {
                    inTransit.add(new AllocationView.InTransit(line.materialCode(),
                            em.find(StockLot.class, s.lotId()).lotNumber(), s.quantity().toString()));
                }
            }
        }
        return order.view(fromCode, toCode, inTransit, clock.now());
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
