package org.reliefchain.finance.requisition;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.reliefchain.audit.AuditTrail;
import org.reliefchain.catalog.Material;
import org.reliefchain.division.Division;
import org.reliefchain.finance.FormInput;
import org.reliefchain.finance.enterprise.CreditCode;
import org.reliefchain.finance.enterprise.Enterprise;
import org.reliefchain.finance.journal.Account;
import org.reliefchain.finance.journal.Journal;
import org.reliefchain.finance.journal.Posting;
import org.reliefchain.finance.subsidy.PaymentForm;
import org.reliefchain.incident.Incident;
import org.reliefchain.incident.IncidentService;
import org.reliefchain.network.Warehouse;
import org.reliefchain.platform.Clock;
import org.reliefchain.platform.ConflictException;
import org.reliefchain.platform.DocumentNumbers;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.InvalidInputException.FieldError;
import org.reliefchain.platform.NotFoundException;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.platform.PagedQuery;
import org.reliefchain.security.Caller;
import org.reliefchain.security.JurisdictionGuard;
import org.reliefchain.security.Role;
import org.reliefchain.stock.Money;
import org.reliefchain.stock.Quantity;

/**
 * Requisitions: issued by a warehouse manager for a warehouse in their jurisdiction (the goods are received
 * there through the stock ledger and the trucks based there in the fleet, both of which are the warehouse
 * manager's to move), settled item by item by the same role, computed and approved by two different finance
 * users of the jurisdiction, and paid once. A requisition outside the caller's jurisdiction is "not found".
 */
@Stateless
@PermitAll
public class RequisitionService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private JurisdictionGuard guard;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @Inject
    private Journal journal;

    @Inject
    private IncidentService incidents;

    @Inject
    private RequisitionEffects effects;

    @RolesAllowed("WAREHOUSE_MANAGER")
    public RequisitionView issue(RequisitionForm form) {
        if (form == null) {
            throw InvalidInputException.required("body", null);
        }
        Caller caller = guard.caller();
        String key = FormInput.text("idempotencyKey", form.idempotencyKey(), 100, false);
        String hash = sha256(form.toString());
        if (key != null) {
            Requisition earlier = em.createQuery("select r from Requisition r where r.idempotencyKey = :k",
                    Requisition.class).setParameter("k", key).getResultStream().findFirst().orElse(null);
            if (earlier != null) {
                if (!earlier.createdBy().equals(caller.username()) || !earlier.requestHash().equals(hash)) {
                    throw new ConflictException("idempotency-key-reused", "idempotency key " + key
                            + " was used for a different request");
                }
                return view(earlier, caller);
            }
        }
        List<FieldError> errors = new ArrayList<>();
        Warehouse w = InvalidInputException.collect(errors, () -> warehouse(form.warehouse()));
        Incident incident = InvalidInputException.collect(errors, () -> incident(form.incident(), caller));
        LocalDate today = today();
        LocalDate takenOn = InvalidInputException.collect(errors, () -> {
            LocalDate d = FormInput.date("takenOn", form.takenOn() == null ? today : form.takenOn(), true);
            if (d.isAfter(today)) {
                throw new InvalidInputException("takenOn", "must not be in the future", "future");
            }
            return d;
        });
        String reason = InvalidInputException.collect(errors, () -> FormInput.text("reason", form.reason(), 500, true));
        PartyFacts party = InvalidInputException.collect(errors, () -> party(form));
        List<RequisitionItem> items = new ArrayList<>();
        if (form.items() == null || form.items().isEmpty()) {
            errors.add(new FieldError("items", "name at least one item", "required", List.of()));
        } else if (form.items().size() > 200) {
            errors.add(new FieldError("items", "at most 200 items", "too-large", List.of()));
        } else {
            for (int i = 0; i < form.items().size(); i++) {
                int n = i;
                RequisitionItem item = InvalidInputException.collect(errors,
                        () -> ItemInput.item(em, "items[" + n + "]", n + 1, form.items().get(n), takenOn));
                if (item != null) {
                    items.add(item);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        incident.requireOpen();
        String number = DocumentNumbers.next(em, "ZY", clock.now());
        long payee = party.payee(em, w.division(), caller.username(), clock);
        Requisition r = new Requisition(number, incident.id(), w.division(), w.id(),
                new Requisition.Party(party.kind(), party.name(), party.creditCode(), party.idNumber(), party.phone(),
                        payee), takenOn, reason, items.stream().map(i -> i.numbered(number)).toList(), key, hash,
                caller.username(), clock.now());
        em.persist(r);
        em.flush();
        effects.take(r, w, form.items());
        audit.record("REQUISITION_ISSUED", "requisition", number, "issued in incident " + incident.number() + " from "
                + party.kind() + " " + party.name() + ": " + items.size() + " items into " + w.code());
        return view(r, caller);
    }

    /** Settles one item: returned (with condition), consumed (goods) or lost. */
    @RolesAllowed("WAREHOUSE_MANAGER")
    public RequisitionView settle(long id, ReturnForm form) {
        if (form == null) {
            throw InvalidInputException.required("body", null);
        }
        Caller caller = guard.caller();
        Requisition r = visible(id, caller);
        guard.require(r.division(), "requisition " + r.number());
        if (form.line() == null) {
            throw InvalidInputException.required("line", null);
        }
        if (form.outcome() == null) {
            throw InvalidInputException.required("outcome", null);
        }
        LocalDate on = FormInput.date("on", form.on() == null ? today() : form.on(), true);
        if (on.isAfter(today())) {
            throw new InvalidInputException("on", "must not be in the future", "future");
        }
        BigDecimal consumed = form.quantityConsumed() == null || form.quantityConsumed().isBlank() ? null
                : Quantity.parsePositive("quantityConsumed", form.quantityConsumed()).value();
        BigDecimal repair = FormInput.parse("repairCost", form.repairCost(), 2, 12, false);
        BigDecimal residual = FormInput.parse("residualValue", form.residualValue(), 2, 12, false);
        RequisitionItem item = r.settle(form.line(), form.outcome(), form.condition(), on, consumed, repair, residual);
        em.flush();
        effects.giveBack(r, item, em.find(Warehouse.class, r.warehouseId()));
        audit.record("REQUISITION_SETTLED", "requisition", r.number(), "item " + item.lineNo() + " " + item.outcome()
                + (item.returnCondition() == null ? "" : " " + item.returnCondition()) + " on " + on);
        return view(r, caller);
    }

    @RolesAllowed("FINANCE")
    public RequisitionView compute(long id) {
        Caller caller = guard.caller();
        Requisition r = visible(id, caller);
        Money total = r.compute(caller.username(), clock.now());
        em.flush();
        audit.record("REQUISITION_COMPUTED", "requisition", r.number(), "compensation " + total.plain() + " CNY");
        return view(r, caller);
    }

    /** Books the compensation owed: COMPENSATION_EXPENSE against the payee's PAYABLE. */
    @RolesAllowed("FINANCE")
    public RequisitionView approve(long id, Long version) {
        Caller caller = guard.caller();
        Requisition r = visible(id, caller);
        if (version != null && version != r.version()) {
            throw new ConflictException("stale-version", "requisition " + r.number() + " was changed by someone else"
                    + " (version " + r.version() + "); reload and try again");
        }
        r.approve(caller.username(), clock.now());
        em.flush();
        if (!r.compensation().isZero()) {
            journal.post(r.division().value(), "REQUISITION", r.id(), r.number(), "requisition compensation approved",
                    Posting.transfer(r.compensation(), Account.COMPENSATION_EXPENSE, null, Account.PAYABLE, r.payeeId()));
        }
        audit.record("REQUISITION_APPROVED", "requisition", r.number(), "approved " + r.compensation().plain()
                + " CNY computed by " + r.computedBy());
        return view(r, caller);
    }

    /** Records the payment; the same reference again answers the paid requisition and changes nothing. */
    @RolesAllowed("FINANCE")
    public RequisitionView pay(long id, PaymentForm form) {
        if (form == null) {
            throw InvalidInputException.required("body", null);
        }
        Caller caller = guard.caller();
        Requisition r = visible(id, caller);
        String reference = FormInput.text("reference", form.reference(), 60, true);
        if (r.status() == RequisitionStatus.PAID && reference.equals(r.paymentRef())) {
            return view(r, caller);
        }
        boolean taken = !em.createQuery("select r.id from Requisition r where r.paymentRef = :p", Long.class)
                .setParameter("p", reference).getResultList().isEmpty();
        if (taken) {
            throw new ConflictException("requisition-payment-taken", "payment " + reference
                    + " is already recorded on another requisition").withArgs(reference);
        }
        LocalDate on = form.paidOn() == null ? today() : form.paidOn();
        if (on.isAfter(today())) {
            throw new InvalidInputException("paidOn", "must not be in the future", "future");
        }
        if (r.approvedAt() != null && on.isBefore(r.approvedAt().atZone(CHINA).toLocalDate())) {
            throw new InvalidInputException("paidOn", "must not be before the approval", "too-small",
                    r.approvedAt().atZone(CHINA).toLocalDate().toString());
        }
        r.pay(reference, on, caller.username());
        em.flush();
        if (!r.compensation().isZero()) {
            journal.post(r.division().value(), "PAYMENT", r.id(), r.number(), "paid " + r.number() + ", reference "
                    + reference, Posting.transfer(r.compensation(), Account.PAYABLE, r.payeeId(), Account.BANK, null));
        }
        audit.record("REQUISITION_PAID", "requisition", r.number(), "paid " + r.compensation().plain() + " CNY on "
                + on + ", reference " + reference);
        return view(r, caller);
    }

    public RequisitionView get(long id) {
        Caller caller = guard.caller();
        return view(visible(id, caller), caller);
    }

    public Page<RequisitionView> list(RequisitionStatus status, Long incident, PageRequest page) {
        Caller caller = guard.caller();
        return PagedQuery.of(Requisition.class, "r")
                .and("r.divisionCode like :j", "j", caller.jurisdiction().root().value() + "%")
                .andIf(status, "r.status = :s", "s").andIf(incident, "r.incidentId = :i", "i")
                .fetch(em, "r.id desc", page).map(r -> view(r, caller));
    }

    /** Every requisition of an incident the caller may see, inside the caller's jurisdiction (for its list). */
    public List<RequisitionView> ofIncident(long incidentId) {
        Caller caller = guard.caller();
        incidents.visible(incidentId, caller);
        return em.createQuery("select r from Requisition r where r.incidentId = :i and r.divisionCode like :j"
                        + " order by r.number", Requisition.class).setParameter("i", incidentId)
                .setParameter("j", caller.jurisdiction().root().value() + "%").getResultStream()
                .map(r -> view(r, caller)).toList();
    }

    private Requisition visible(long id, Caller caller) {
        Requisition r = em.find(Requisition.class, id);
        if (r == null || !caller.jurisdiction().covers(r.division())) {
            throw new NotFoundException("requisition", id);
        }
        return r;
    }

    private Warehouse warehouse(String code) {
        if (code == null || code.isBlank()) {
            throw InvalidInputException.required("warehouse", null);
        }
        Warehouse w = em.createQuery("select w from Warehouse w where w.code = :c", Warehouse.class)
                .setParameter("c", code.strip()).getResultStream().findFirst()
                .orElseThrow(() -> new InvalidInputException("warehouse", "names no warehouse", "unknown", code.strip()));
        // jurisdiction first: a warehouse outside it is refused (403) before anything else of the form is judged,
        // its being inactive included, which would otherwise tell a stranger so
        guard.require(w.division(), "a requisition for warehouse " + w.code());
        if (!w.active()) {
            throw new InvalidInputException("warehouse", "warehouse " + w.code() + " is inactive", "requisition-warehouse-inactive");
        }
        return w;
    }

    /** The incident, if the caller may see it: one they may not see is named as unknown, not revealed. */
    private Incident incident(Long id, Caller caller) {
        if (id == null) {
            throw InvalidInputException.required("incident", null);
        }
        try {
            return incidents.visible(id, caller);
        } catch (NotFoundException e) {
            throw new InvalidInputException("incident", "names no incident you may see", "unknown", String.valueOf(id));
        }
    }

    private PartyFacts party(RequisitionForm form) {
        if (form.partyKind() == null) {
            throw InvalidInputException.required("partyKind", null);
        }
        String phone = FormInput.text("partyPhone", form.partyPhone(), 30, false);
        return switch (form.partyKind()) {
            case ENTERPRISE -> {
                if (form.enterprise() == null) {
                    throw InvalidInputException.required("enterprise", null);
                }
                Enterprise e = em.find(Enterprise.class, form.enterprise());
                if (e == null || !"ENTERPRISE".equals(Payees.kind(em, e.id()))) {
                    throw new InvalidInputException("enterprise", "names no enterprise of the registry", "unknown",
                            String.valueOf(form.enterprise()));
                }
                yield new PartyFacts(PartyKind.ENTERPRISE, e.name(), e.creditCode(), null,
                        phone != null ? phone : e.contactPhone(), e.id());
            }
            case ORGANISATION -> {
                List<FieldError> errors = new ArrayList<>();
                String name = InvalidInputException.collect(errors,
                        () -> FormInput.text("partyName", form.partyName(), 200, true));
                CreditCode code = InvalidInputException.collect(errors,
                        () -> CreditCode.parse("creditCode", form.creditCode()));
                if (!errors.isEmpty()) {
                    throw new InvalidInputException(errors);
                }
                yield new PartyFacts(PartyKind.ORGANISATION, name, code.value(), null, phone, null);
            }
            case PERSON -> {
                List<FieldError> errors = new ArrayList<>();
                String name = InvalidInputException.collect(errors,
                        () -> FormInput.text("partyName", form.partyName(), 200, true));
                ResidentId rid = InvalidInputException.collect(errors, () -> ResidentId.parse("idNumber", form.idNumber()));
                if (!errors.isEmpty()) {
                    throw new InvalidInputException(errors);
                }
                yield new PartyFacts(PartyKind.PERSON, name, null, rid.value(), phone, null);
            }
        };
    }

    /** A checked party; its payee row is found or registered only once the whole form is known to be good. */
    private record PartyFacts(PartyKind kind, String name, String creditCode, String idNumber, String phone,
                              Long enterpriseId) {
        long payee(EntityManager em, org.reliefchain.division.DivisionCode division, String user, Clock clock) {
            return switch (kind) {
                case ENTERPRISE -> enterpriseId;
                case ORGANISATION -> Payees.organisation(em, new CreditCode(creditCode), name, division, user, clock.now());
                case PERSON -> Payees.person(em, new ResidentId(idNumber), name, division, user, clock.now());
            };
        }
    }

    RequisitionView view(Requisition r, Caller caller) {
        Incident i = em.find(Incident.class, r.incidentId());
        Division d = em.find(Division.class, r.division().value());
        Warehouse w = em.find(Warehouse.class, r.warehouseId());
        String id = r.idNumber() == null ? null : caller.role() == Role.FINANCE ? r.idNumber() : ResidentId.mask(r.idNumber());
        return new RequisitionView(r.id(), r.number(), i.id(), i.number(), i.name(), r.division().value(), d.nameZh(),
                d.nameEn(), w.code(), w.nameZh(), w.nameEn(), r.partyKind(), r.partyName(), r.creditCode(), id,
                r.partyPhone(), r.payeeId(), r.takenOn(), r.reason(), r.status(),
                r.compensation() == null ? null : r.compensation().plain(), r.computedBy(), r.computedAt(),
                r.approvedBy(), r.approvedAt(), r.paymentRef(), r.paidOn(), r.synthetic(), r.createdBy(), r.createdAt(),
                r.items().stream().map(it -> it.view(r.takenOn(),
                        it.materialCode() == null ? null : em.find(Material.class, it.materialCode()))).toList(), r.actions(caller), r.version());
    }

    private LocalDate today() {
        return clock.now().atZone(CHINA).toLocalDate();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
