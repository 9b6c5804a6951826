package org.reliefchain.finance.callup;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.reliefchain.audit.AuditTrail;
import org.reliefchain.catalog.Material;
import org.reliefchain.finance.FormInput;
import org.reliefchain.finance.agreement.Agreement;
import org.reliefchain.finance.agreement.AgreementKind;
import org.reliefchain.finance.agreement.AgreementLine;
import org.reliefchain.finance.agreement.AgreementStatus;
import org.reliefchain.finance.enterprise.Enterprise;
import org.reliefchain.finance.journal.Account;
import org.reliefchain.finance.journal.Journal;
import org.reliefchain.finance.journal.Posting;
import org.reliefchain.incident.Incident;
import org.reliefchain.incident.IncidentStatus;
import org.reliefchain.network.Warehouse;
import org.reliefchain.platform.Clock;
import org.reliefchain.platform.ConflictException;
import org.reliefchain.platform.DocumentNumbers;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.NotFoundException;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.platform.PagedQuery;
import org.reliefchain.security.Caller;
import org.reliefchain.security.Jurisdiction;
import org.reliefchain.security.JurisdictionGuard;
import org.reliefchain.security.Role;
import org.reliefchain.stock.MovementForm;
import org.reliefchain.stock.MovementResult;
import org.reliefchain.stock.Money;
import org.reliefchain.stock.Quantity;
import org.reliefchain.stock.StockLedger;

/**
 * Call-ups under reserve agreements. Who does what, and why:
 * <ul>
 * <li>Ordering and cancelling is for finance staff and warehouse managers whose jurisdiction contains the
 * agreement's contracting division: in an incident the division's manager orders what the warehouse
 * needs, and finance, who answers for the money, may order too. Administrators do not buy.</li>
 * <li>Receiving is for warehouse managers of the receiving warehouse only: it moves stock, which finance
 * staff never do.</li>
 * <li>A call-up is visible to whoever covers its contracting division or its receiving warehouse (a
 * county's manager receives for a city's agreement); to anyone else it is "not found".</li>
 * </ul>
 * Custody agreements (代储) are never called up: their goods are the government's already and in the
 * ledger at the entrusted warehouse, so they move by transfer or issue, and no purchase is owed.
 */
@Stateless
@PermitAll
public class CallUpService {

    static final String SERIES = "DY";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private JurisdictionGuard guard;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @Inject
    private StockLedger ledger;

    @Inject
    private Journal journal;

    /** The answer to an order or a receipt: the call-up, and whether a retry was answered with it. */
    public record Outcome(CallUpView callUp, boolean replayed) {
    }

    @RolesAllowed({"FINANCE", "WAREHOUSE_MANAGER"})
    public Outcome order(long agreementId, CallUpForm form) {
        Caller caller = guard.caller();
        Agreement a = em.find(Agreement.class, agreementId);
        if (a == null || !caller.jurisdiction().covers(a.division())) {
            throw new NotFoundException("agreement", agreementId);
        }
        if (form == null) {
            throw InvalidInputException.required("body", null);
        }
        String key = FormInput.text("idempotencyKey", form.idempotencyKey(), 60, true);
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "call-up:" + key)
                .getSingleResult();
        String fingerprint = sha256(form.canonical(agreementId));
        CallUp earlier = em.createQuery("select c from CallUp c where c.idempotencyKey = :k", CallUp.class)
                .setParameter("k", key).getResultStream().findFirst().orElse(null);
        if (earlier != null) {
            if (!earlier.orderedBy().equals(caller.username()) || !earlier.fingerprint().equals(fingerprint)) {
                throw new ConflictException("idempotency-key-reused", "idempotency key " + key
                        + " was used for a different request");
            }
            return new Outcome(view(earlier, caller), true);
        }
        if (a.status() != AgreementStatus.ACTIVE) {
            throw new ConflictException("agreement-status", "agreement " + a.number() + " is " + a.status()
                    + "; only an agreement in force is called up").withArgs(a.number(), a.status().name());
        }
        if (a.kind() == AgreementKind.CUSTODY) {
            throw new ConflictException("call-up-custody", "agreement " + a.number() + " keeps government-owned"
                    + " goods in custody: move them by transfer, there is nothing to buy").withArgs(a.number());
        }
        AgreementLine line = line(a, form.line());
        BigDecimal quantity = Quantity.parsePositive("quantity", form.quantity()).value();
        Warehouse w = warehouse(form.warehouse(), a);
        Incident incident = incident(form.incident());
        BigDecimal basis = FormInput.parse("priceBasis", form.priceBasis(), 2, 12, false);
        String note = FormInput.text("note", form.note(), 300, false);
        Money price = CallUpPrice.unitPrice(a.terms().priceRule(), line.unitValue(), a.terms().pricePercent(), basis);
        // one instant for the order and its promise: the first batch is due exactly the agreed hours after it
        java.time.Instant now = clock.now();
        List<ProductionSchedule.Batch> schedule = List.of();
        if (a.kind() == AgreementKind.CAPACITY) {
            schedule = ProductionSchedule.promise(now, quantity, line.quantity(),
                    line.terms().capacityHours(), line.terms().capacityPerDay());
        } else {
            requireHeld(a, line, quantity);
        }
        CallUp c = new CallUp(new CallUp.Order(DocumentNumbers.next(em, SERIES, now), a.id(), line.id(),
                a.enterpriseId(), a.division(), incident == null ? null : incident.id(), w.id(), line.materialCode(),
                a.kind(), quantity, a.terms().priceRule(), basis, price, note, schedule, caller.username(),
                now, key, fingerprint));
        em.persist(c);
        em.flush();
        audit.record("CALL_UP_ORDERED", "call-up", c.number(), "called up " + plain(quantity) + " "
                + line.materialCode() + " under " + a.number() + " line " + line.lineNo() + " at " + price.plain()
                + " CNY (" + a.terms().priceRule() + ") into " + w.code()
                + (incident == null ? "" : " for incident " + incident.number()));
        return new Outcome(view(c, caller), false);
    }

    /**
     * A delivery: the stock ledger's RECEIPT (source AGREEMENT, the call-up's unit price, the call-up's
     * number as reference) and the payable to the enterprise, in one transaction.
     */
    @RolesAllowed("WAREHOUSE_MANAGER")
    public Outcome receive(long id, ReceiptForm form) {
        Caller caller = guard.caller();
        CallUp c = visible(id, caller);
        Warehouse w = em.find(Warehouse.class, c.warehouseId());
        caller.jurisdiction().requireCovers(w.division(), "receiving into warehouse " + w.code());
        if (form == null) {
            throw InvalidInputException.required("body", null);
        }
        String key = FormInput.text("idempotencyKey", form.idempotencyKey(), 60, true);
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "call-up-receipt:" + key)
                .getSingleResult();
        String fingerprint = sha256(form.canonical(id));
        CallUpReceipt earlier = em.createQuery("select r from CallUpReceipt r where r.idempotencyKey = :k",
                CallUpReceipt.class).setParameter("k", key).getResultStream().findFirst().orElse(null);
        if (earlier != null) {
            if (!earlier.receivedBy().equals(caller.username()) || !earlier.fingerprint().equals(fingerprint)) {
                throw new ConflictException("idempotency-key-reused", "idempotency key " + key
                        + " was used for a different request");
            }
            return new Outcome(view(c, caller), true);
        }
        // one delivery at a time per call-up: two at once must not both fit into the same remainder
        em.lock(c, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(c);
        BigDecimal quantity = Quantity.parsePositive("quantity", form.quantity()).value();
        String lot = FormInput.text("lot", form.lot(), 40, true);
        c.receive(quantity);
        MovementForm receipt = new MovementForm();
        receipt.setType("RECEIPT");
        receipt.setWarehouse(w.code());
        receipt.setMaterial(c.materialCode());
        receipt.setLot(lot);
        receipt.setQuantity(plain(quantity));
        receipt.setReason("调用到货 call-up delivery " + c.number());
        receipt.setReference(c.number());
        receipt.setIdempotencyKey("call-up:" + c.number() + ":" + key);
        receipt.setProductionDate(form.productionDate() == null ? null : form.productionDate().toString());
        receipt.setExpiryDate(form.expiryDate() == null ? null : form.expiryDate().toString());
        receipt.setSource("AGREEMENT");
        MovementForm.MoneyForm cost = new MovementForm.MoneyForm();
        cost.setAmount(c.unitPrice().plain());
        cost.setCurrency(Money.CNY);
        receipt.setUnitCost(cost);
        MovementResult moved = ledger.record(receipt);
        Money amount = CallUpPrice.amount(quantity, c.unitPrice());
        Enterprise enterprise = em.find(Enterprise.class, c.enterpriseId());
        long entry = journal.post(c.division().value(), "CALL_UP", c.id(), c.number(), "调用采购 call-up purchase "
                        + c.number() + ": " + plain(quantity) + " x " + c.unitPrice().plain() + ", lot " + lot,
                List.of(Posting.debit(Account.PURCHASE_EXPENSE, null, amount),
                        Posting.credit(Account.PAYABLE, enterprise.id(), amount)));
        em.persist(new CallUpReceipt(c.id(), quantity, lot, amount, moved.movement().id(), entry, caller.username(),
                clock.now(), key, fingerprint));
        em.flush();
        audit.record("CALL_UP_RECEIVED", "call-up", c.number(), "received " + plain(quantity) + " "
                + c.materialCode() + " lot " + lot + " at " + w.code() + "; " + amount.plain() + " CNY owed to "
                + enterprise.name() + "; now " + c.status());
        return new Outcome(view(c, caller), false);
    }

    @RolesAllowed({"FINANCE", "WAREHOUSE_MANAGER"})
    public CallUpView cancel(long id, CancelForm form) {
        Caller caller = guard.caller();
        CallUp c = visible(id, caller);
        caller.jurisdiction().requireCovers(c.division(), "cancelling call-up " + c.number());
        if (form == null) {
            throw InvalidInputException.required("body", null);
        }
        if (form.version() == null || form.version() != c.version()) {
            throw new ConflictException("stale-version", "call-up " + c.number() + " was changed by someone else"
                    + " (version " + c.version() + "); reload and try again");
        }
        String reason = FormInput.text("reason", form.reason(), 300, true);
        BigDecimal remainder = c.outstanding();
        c.cancel(reason);
        em.flush();
        audit.record("CALL_UP_CANCELLED", "call-up", c.number(), "cancelled the undelivered " + plain(remainder)
                + ": " + reason);
        return view(c, caller);
    }

    public CallUpView get(long id) {
        Caller caller = guard.caller();
        return view(visible(id, caller), caller);
    }

    /** Call-ups visible to the caller, newest first; {@code toReceive}: only those its warehouses await. */
    public Page<CallUpView> list(CallUpStatus status, Long agreement, boolean toReceive, PageRequest page) {
        Caller caller = guard.caller();
        String j = caller.jurisdiction().likePattern();
        PagedQuery<CallUp> q = PagedQuery.of(CallUp.class, "c");
        if (toReceive) {
            q.and("c.warehouseId in (select w.id from Warehouse w where w.divisionCode like :j)", "j", j)
                    .and("c.status in :open", "open", List.of(CallUpStatus.ORDERED, CallUpStatus.PARTLY_RECEIVED));
        } else {
            q.and("(c.divisionCode like :j or c.warehouseId in (select w.id from Warehouse w where w.divisionCode"
                    + " like :j))", "j", j);
        }
        return q.andIf(status, "c.status = :s", "s").andIf(agreement, "c.agreementId = :a", "a")
                .fetch(em, "c.id desc", page).map(c -> view(c, caller));
    }

    /**
     * One agreement's call-ups, newest first (at most 200). An agreement outside the jurisdiction is not found,
     * as on every other path under it (an empty list would say it exists).
     */
    public List<CallUpView> ofAgreement(long agreementId) {
        Caller caller = guard.caller();
        Agreement a = em.find(Agreement.class, agreementId);
        if (a == null || !caller.jurisdiction().covers(a.division())) {
            throw new NotFoundException("agreement", agreementId);
        }
        return list(null, agreementId, false, PageRequest.of(0, 200)).items();
    }

    /** How many call-ups the caller's warehouses still await (the home page's card). */
    public long awaitingReceipt() {
        Caller caller = guard.caller();
        if (caller.role() != Role.WAREHOUSE_MANAGER) {
            return 0;
        }
        return em.createQuery("select count(c) from CallUp c where c.status in :open and c.warehouseId in"
                        + " (select w.id from Warehouse w where w.divisionCode like :j)", Long.class)
                .setParameter("open", List.of(CallUpStatus.ORDERED, CallUpStatus.PARTLY_RECEIVED))
                .setParameter("j", caller.jurisdiction().likePattern()).getSingleResult();
    }

    // ---- rules and views -------------------------------------------------------------------------

    private static AgreementLine line(Agreement a, Integer lineNo) {
        if (lineNo == null) {
            throw InvalidInputException.required("line", null);
        }
        return a.lines().stream().filter(l -> l.lineNo() == lineNo).findFirst()
                .orElseThrow(() -> new InvalidInputException("line", "agreement " + a.number() + " has lines 1 to "
                        + a.lines().size(), "between", "1", String.valueOf(a.lines().size())));
    }

    private Warehouse warehouse(String code, Agreement a) {
        String c = FormInput.text("warehouse", code, 32, true);
        Warehouse w = em.createQuery("select w from Warehouse w where w.code = :c", Warehouse.class)
                .setParameter("c", c).getResultStream().findFirst()
                .orElseThrow(() -> new InvalidInputException("warehouse", "names no warehouse", "unknown", c));
        if (!new Jurisdiction(a.division()).covers(w.division())) {
            throw new InvalidInputException("warehouse", "is not a warehouse of the contracting division "
                    + a.division(), "outside-division", a.division().value());
        }
        if (!w.active()) {
            throw new InvalidInputException("warehouse", "is not in service", "inactive", c);
        }
        return w;
    }

    private Incident incident(Long id) {
        if (id == null) {
            return null;
        }
        Incident i = em.find(Incident.class, id);
        if (i == null) {
            throw new InvalidInputException("incident", "names no incident", "unknown", String.valueOf(id));
        }
        if (i.status() == IncidentStatus.CLOSED) {
            throw new InvalidInputException("incident", "is closed", "closed", i.number());
        }
        return i;
    }

    /**
     * The enterprise holds the line's quantity for the government: call-ups of it, together, never
     * exceed it (a cancelled call-up counts for what it delivered). Orders of one line are serialised.
     */
    private void requireHeld(Agreement a, AgreementLine line, BigDecimal quantity) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, 0x4459_0000_0000_0000L + line.id())
                .getSingleResult();
        BigDecimal taken = (BigDecimal) em.createNativeQuery("select coalesce(sum(case when status = 'CANCELLED'"
                + " then received else quantity end), 0) from call_up where line_id = ?1").setParameter(1, line.id())
                .getSingleResult();
        BigDecimal left = line.quantity().subtract(taken);
        if (quantity.compareTo(left) > 0) {
            throw new ConflictException("call-up-exceeds-line", "line " + line.lineNo() + " of " + a.number()
                    + " has " + plain(left) + " left to call up").withArgs(a.number(), line.lineNo(), plain(left));
        }
    }

    private CallUp visible(long id, Caller caller) {
        CallUp c = em.find(CallUp.class, id);
        if (c == null || !(caller.jurisdiction().covers(c.division())
                || caller.jurisdiction().covers(em.find(Warehouse.class, c.warehouseId()).division()))) {
            throw new NotFoundException("call-up", id);
        }
        return c;
    }

    CallUpView view(CallUp c, Caller caller) {
        Agreement a = em.find(Agreement.class, c.agreementId());
        AgreementLine line = em.find(AgreementLine.class, c.lineId());
        Enterprise e = em.find(Enterprise.class, c.enterpriseId());
        Warehouse w = em.find(Warehouse.class, c.warehouseId());
        Material m = em.find(Material.class, c.materialCode());
        Incident i = c.incidentId() == null ? null : em.find(Incident.class, c.incidentId());
        List<CallUpReceipt> receipts = em.createQuery("select r from CallUpReceipt r where r.callUpId = :c"
                + " order by r.id", CallUpReceipt.class).setParameter("c", c.id()).getResultList();
        Money received = Money.zero(Money.CNY);
        List<CallUpView.Receipt> rs = new ArrayList<>();
        List<ProductionSchedule.Delivery> deliveries = new ArrayList<>();
        for (CallUpReceipt r : receipts) {
            received = received.plus(r.amount());
            rs.add(new CallUpView.Receipt(r.id(), plain(r.quantity()), r.lotNumber(), r.amount().plain(),
                    r.movementId(), r.journalEntryId(), r.receivedBy(), r.receivedAt()));
            deliveries.add(new ProductionSchedule.Delivery(r.receivedAt(), r.quantity()));
        }
        List<ProductionSchedule.Progress> schedule = ProductionSchedule.progress(c.schedule(), deliveries,
                clock.now());
        if (c.status() == CallUpStatus.CANCELLED) {
            // what was cancelled is no longer promised: only batches already filled stay to be judged
            schedule = schedule.stream().filter(p -> p.filledAt() != null).toList();
        }
        int late = (int) schedule.stream().filter(p -> p.state() == ProductionSchedule.State.LATE
                || p.state() == ProductionSchedule.State.OVERDUE).count();
        List<String> actions = new ArrayList<>();
        if (c.openVerbs().contains("receive") && caller.role() == Role.WAREHOUSE_MANAGER
                && caller.jurisdiction().covers(w.division())) {
            actions.add("receive");
        }
        if (c.openVerbs().contains("cancel") && (caller.role() == Role.WAREHOUSE_MANAGER
                || caller.role() == Role.FINANCE) && caller.jurisdiction().covers(c.division())) {
            actions.add("cancel");
        }
        return new CallUpView(c.id(), c.number(), a.id(), a.number(), line.lineNo(), e.id(), e.name(),
                c.division().value(), i == null ? null : i.id(), i == null ? null : i.number(),
                i == null ? null : i.name(), w.code(), w.nameZh(), w.nameEn(), m.code(), m.nameZh(), m.nameEn(),
                m.unitZh(), m.unitEn(), c.kind(), plain(c.quantity()), plain(c.received()), plain(c.outstanding()),
                c.priceRule(), c.priceBasis() == null ? null : c.priceBasis().setScale(2).toPlainString(),
                c.unitPrice().plain(), CallUpPrice.amount(c.quantity(), c.unitPrice()).plain(), received.plain(),
                c.status(), c.cancelReason(), c.note(), c.orderedBy(), c.orderedAt(), rs, schedule.stream()
                        .map(p -> new CallUpView.Batch(p.seq(), p.dueAt(), plain(p.quantity()), plain(p.promisedToDate()),
                                plain(p.received()), p.filledAt(), p.state())).toList(), late, actions,
                c.version());
    }

    static String plain(BigDecimal q) {
        return q.signum() == 0 ? "0" : q.stripTrailingZeros().toPlainString();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
