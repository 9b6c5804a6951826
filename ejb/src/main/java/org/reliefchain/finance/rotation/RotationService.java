package org.reliefchain.finance.rotation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.reliefchain.audit.AuditTrail;
import org.reliefchain.catalog.Material;
import org.reliefchain.finance.FormInput;
import org.reliefchain.finance.enterprise.Enterprise;
import org.reliefchain.finance.journal.Account;
import org.reliefchain.finance.journal.Journal;
import org.reliefchain.finance.journal.Posting;
import org.reliefchain.finance.writeoff.WriteOffCause;
import org.reliefchain.finance.writeoff.WriteOffForm;
import org.reliefchain.finance.writeoff.WriteOffService;
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
import org.reliefchain.security.JurisdictionGuard;
import org.reliefchain.stock.Money;
import org.reliefchain.stock.MovementForm;
import org.reliefchain.stock.MovementResult;
import org.reliefchain.stock.Quantity;
import org.reliefchain.stock.StockLedger;
import org.reliefchain.stock.StockLot;

/**
 * Rotation plans: raised by a warehouse manager for a lot held at a warehouse of their jurisdiction, approved
 * by a warehouse manager and by a finance user whose jurisdictions cover the warehouse (neither the raiser),
 * executed by a warehouse manager through the stock ledger. Execution books the loss: a ROTATION_LOSS
 * write-off, which then follows its own sign-off chain, and, when the plan names the enterprise that carries
 * the rotation, the compensation owed to it in the journal. A plan outside the caller's jurisdiction is
 * "not found".
 */
@Stateless
@PermitAll
public class RotationService {

    private static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

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
    private WriteOffService writeOffs;

    @Inject
    private Journal journal;

    @Inject
    private RotationViews views;

    @RolesAllowed("WAREHOUSE_MANAGER")
    public RotationView raise(RotationForm form) {
        if (form == null) {
            throw InvalidInputException.required("body", null);
        }
        Warehouse w = warehouse(form.warehouse());
        Caller caller = guard.require(w.division(), "a rotation plan");
        String key = FormInput.text("idempotencyKey", form.idempotencyKey(), 100, false);
        if (key != null) {
            RotationPlan earlier = em.createQuery("select r from RotationPlan r where r.idempotencyKey = :k",
                    RotationPlan.class).setParameter("k", key).getResultStream().findFirst().orElse(null);
            if (earlier != null) {
                if (!earlier.raisedBy().equals(caller.username())) {
                    throw new ConflictException("idempotency-key-reused", "idempotency key " + key
                            + " was used for a different request");
                }
                return views.view(earlier, caller);
            }
        }
        Material material = material(form.material());
        StockLot lot = lot(w, material, form.lot());
        Quantity quantity = material.whole("quantity", Quantity.parsePositive("quantity", form.quantity()));
        requireHeld(w, lot, quantity);
        Money unitCost = lot.unitCost();
        if (unitCost == null || !Money.CNY.equals(unitCost.currency())) {
            throw new InvalidInputException("lot", "has no unit cost in CNY: its book value is unknown", "no-unit-cost");
        }
        if (form.method() == null) {
            throw InvalidInputException.required("method", null);
        }
        RotationMethod method = form.method();
        String recipient = FormInput.text("recipient", form.recipient(), 200, method.needsRecipient());
        String reason = FormInput.text("reason", form.reason(), 500, method == RotationMethod.DESTROY);
        Enterprise enterprise = enterprise(form.enterprise(), method == RotationMethod.EXCHANGE);
        Money unitPrice = method.priced()
                ? Money.cny(FormInput.parse("unitPrice", form.unitPrice(), 2, 12, true)) : null;
        RotationPlan.Replacement replacement = method == RotationMethod.EXCHANGE
                ? replacement(form.replacement(), w, material, lot) : null;
        RotationValue value = switch (method) {
            case SELL, HAND_OVER -> RotationValue.sale(unitCost, quantity, unitPrice);
            case DONATE, DESTROY -> RotationValue.nothingBack(unitCost, quantity);
            case EXCHANGE -> RotationValue.exchange(unitCost, quantity, replacement.unitCost(), replacement.quantity(),
                    replacement.priceDifference());
        };
        RotationPlan plan = new RotationPlan(DocumentNumbers.next(em, "LH", clock.now()), w.id(), w.division(),
                lot.id(), quantity, method, unitCost, unitPrice, value, recipient, reason,
                enterprise == null ? null : enterprise.id(), replacement, caller.username(), clock.now(), key);
        em.persist(plan);
        em.flush();
        audit.record("ROTATION_RAISED", "rotation-plan", plan.number(), method + " " + quantity + " " + material.code()
                + " lot " + lot.lotNumber() + " at " + w.code() + ": book value " + value.bookValue().plain()
                + ", proceeds " + value.proceeds().plain() + ", loss " + value.loss().plain() + " CNY");
        return views.view(plan, caller);
    }

    @RolesAllowed({"WAREHOUSE_MANAGER", "FINANCE"})
    public RotationView approve(long id) {
        Caller caller = guard.caller();
        RotationPlan plan = visible(id, caller);
        boolean approved = plan.approve(caller.username(), caller.role(), clock.now());
        em.flush();
        audit.record("ROTATION_APPROVED", "rotation-plan", plan.number(), "approved as " + caller.role()
                + (approved ? "; both approvals given" : ""));
        return views.view(plan, caller);
    }

    @RolesAllowed({"WAREHOUSE_MANAGER", "FINANCE"})
    public RotationView reject(long id, String reason) {
        Caller caller = guard.caller();
        RotationPlan plan = visible(id, caller);
        String r = FormInput.text("reason", reason, 300, true);
        if (caller.username().equals(plan.raisedBy())) {
            throw new ConflictException("same-approver", "rotation plan " + plan.number() + " was raised by "
                    + caller.username() + "; another person rejects it, or its raiser cancels it")
                    .withArgs(plan.number(), caller.username());
        }
        plan.reject(caller.username(), r);
        em.flush();
        audit.record("ROTATION_REJECTED", "rotation-plan", plan.number(), r);
        return views.view(plan, caller);
    }

    @RolesAllowed("WAREHOUSE_MANAGER")
    public RotationView cancel(long id, String reason) {
        Caller caller = guard.caller();
        RotationPlan plan = visible(id, caller);
        String r = FormInput.text("reason", reason, 300, true);
        plan.cancel(caller.username(), r);
        em.flush();
        audit.record("ROTATION_CANCELLED", "rotation-plan", plan.number(), r);
        return views.view(plan, caller);
    }

    /**
     * Carries out an approved plan in one transaction: the goods out (ISSUE, or WRITE_OFF when destroyed), the
     * replacement in for an exchange, then the loss booked. The movements' idempotency keys come from the
     * plan's number and an executed plan answers with itself, so a retry never moves stock twice.
     */
    @RolesAllowed("WAREHOUSE_MANAGER")
    public RotationView execute(long id) {
        Caller caller = guard.caller();
        RotationPlan plan = visible(id, caller);
        if (plan.status() == RotationStatus.EXECUTED) {
            return views.view(plan, caller);
        }
        if (plan.status() != RotationStatus.APPROVED) {
            throw new ConflictException("rotation-status", "rotation plan " + plan.number() + " is " + plan.status())
                    .withArgs(plan.number(), plan.status().name());
        }
        Warehouse w = em.find(Warehouse.class, plan.warehouseId());
        StockLot lot = em.find(StockLot.class, plan.lotId());
        MovementResult out = ledger.record(outMovement(plan, w, lot));
        Long in = null;
        if (plan.method() == RotationMethod.EXCHANGE) {
            in = ledger.record(replacementReceipt(plan, w, lot)).movement().id();
        }
        plan.executed(caller.username(), clock.now(), out.movement().id(), in);
        em.flush();
        bookLoss(plan, w);
        audit.record("ROTATION_EXECUTED", "rotation-plan", plan.number(), plan.method() + " carried out; loss "
                + plan.loss().plain() + " CNY" + (plan.writeOffId() == null ? "" : ", written off"));
        return views.view(plan, caller);
    }

    public RotationView get(long id) {
        Caller caller = guard.caller();
        return views.view(visible(id, caller), caller);
    }

    public Page<RotationView> list(RotationStatus status, PageRequest page) {
        Caller caller = guard.caller();
        return PagedQuery.of(RotationPlan.class, "r").and("r.divisionCode like :j", "j", caller.jurisdiction().likePattern())
                .andIf(status, "r.status = :s", "s").fetch(em, "r.id desc", page).map(r -> views.view(r, caller));
    }

    /**
     * The plans carried out from {@code from} to {@code to} (China days, both included) in the caller's
     * jurisdiction or at one warehouse of it (outside it 403), in the order they were carried out: the rotation
     * report of a period.
     */
    public List<RotationView> executed(LocalDate from, LocalDate to, String warehouse, int max) {
        Caller caller = guard.caller();
        PagedQuery<RotationPlan> q = PagedQuery.of(RotationPlan.class, "r")
                .and("r.divisionCode like :j", "j", caller.jurisdiction().likePattern())
                .and("r.status = :s", "s", RotationStatus.EXECUTED)
                .and("r.executedAt >= :from", "from", from.atStartOfDay(CHINA).toInstant())
                .and("r.executedAt < :to", "to", to.plusDays(1).atStartOfDay(CHINA).toInstant());
        if (warehouse != null && !warehouse.isBlank()) {
            Warehouse w = warehouse(warehouse);
            guard.require(w.division(), "the rotations of warehouse " + w.code());
            q.and("r.warehouseId = :w", "w", w.id());
        }
        Page<RotationPlan> found = q.fetch(em, "r.executedAt", new PageRequest(0, max + 1));
        if (found.total() > max) {
            throw new InvalidInputException("to", found.total() + " plans is more than a report holds (" + max
                    + "): choose a shorter period or one warehouse", "too-many", String.valueOf(max));
        }
        return found.items().stream().map(r -> views.view(r, caller)).toList();
    }

    /** A loss is written off (the write-off then finds its signers by amount) and owed to the enterprise that carried it. */
    private void bookLoss(RotationPlan plan, Warehouse w) {
        if (plan.loss().signum() <= 0) {
            return;
        }
        Long entry = null;
        if (plan.enterpriseId() != null) {
            entry = journal.post(plan.division().value(), "ROTATION", plan.id(), plan.number(),
                    "轮换补偿 " + plan.number(), Posting.transfer(plan.loss(), Account.ROTATION_EXPENSE, null,
                            Account.PAYABLE, plan.enterpriseId()));
        }
        String description = "轮换方案 " + plan.number() + "（" + RotationViews.methodZh(plan.method())
                + "），账面价值 " + plan.bookValue().plain() + " 元，收回 " + plan.proceeds().plain() + " 元";
        long writeOff = writeOffs.raise(new WriteOffForm(w.code(), WriteOffCause.ROTATION_LOSS, description,
                plan.loss().plain())).id();
        plan.lossBooked(writeOff, entry);
        em.flush();
    }

    private static MovementForm outMovement(RotationPlan plan, Warehouse w, StockLot lot) {
        MovementForm f = new MovementForm();
        f.setType(plan.method() == RotationMethod.DESTROY ? "WRITE_OFF" : "ISSUE");
        f.setWarehouse(w.code());
        f.setMaterial(lot.materialCode());
        f.setLot(lot.lotNumber());
        f.setQuantity(plan.quantity().toString());
        String why = plan.method() == RotationMethod.DESTROY ? plan.reason()
                : plan.recipient() != null ? plan.recipient() : null;
        f.setReason(truncate("轮换出库（" + RotationViews.methodZh(plan.method()) + "）" + (why == null ? "" : "：" + why), 300));
        f.setReference(plan.number());
        f.setIdempotencyKey("rotation:" + plan.number() + ":out");
        return f;
    }

    private static MovementForm replacementReceipt(RotationPlan plan, Warehouse w, StockLot lot) {
        RotationPlan.Replacement r = plan.replacement();
        MovementForm f = receipt(w, lot.materialCode(), r, lot.owner());
        f.setReason("轮换入库（以旧换新）");
        f.setReference(plan.number());
        f.setIdempotencyKey("rotation:" + plan.number() + ":in");
        return f;
    }

    private static MovementForm receipt(Warehouse w, String material, RotationPlan.Replacement r, String owner) {
        MovementForm f = new MovementForm();
        f.setType("RECEIPT");
        f.setWarehouse(w.code());
        f.setMaterial(material);
        f.setLot(r.lot());
        f.setQuantity(r.quantity().toString());
        f.setProductionDate(r.productionDate() == null ? null : r.productionDate().toString());
        f.setExpiryDate(r.expiryDate() == null ? null : r.expiryDate().toString());
        f.setSource("PURCHASE");
        MovementForm.MoneyForm cost = new MovementForm.MoneyForm();
        cost.setAmount(r.unitCost().plain());
        cost.setCurrency(Money.CNY);
        f.setUnitCost(cost);
        f.setOwner(owner);
        return f;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** The exchange's fresh lot, checked now as the ledger will check its receipt, with errors under {@code replacement.}. */
    private RotationPlan.Replacement replacement(RotationForm.ReplacementForm r, Warehouse w, Material material,
                                                 StockLot old) {
        if (r == null) {
            throw InvalidInputException.required("replacement", "EXCHANGE");
        }
        String lotNumber = FormInput.text("replacement.lot", r.lot(), 40, true);
        if (lotNumber.equals(old.lotNumber())) {
            throw new InvalidInputException("replacement.lot", "must be a new lot, not the one rotated out", "same-lot");
        }
        Quantity quantity = material.whole("replacement.quantity",
                Quantity.parsePositive("replacement.quantity", r.quantity()));
        Money unitCost = Money.cny(FormInput.parse("replacement.unitCost", r.unitCost(), 2, 12, true));
        Money difference = signed("replacement.priceDifference", r.priceDifference());
        RotationPlan.Replacement replacement = new RotationPlan.Replacement(lotNumber,
                date("replacement.productionDate", r.productionDate()), date("replacement.expiryDate", r.expiryDate()),
                quantity, unitCost, difference);
        MovementForm check = receipt(w, material.code(), replacement, old.owner());
        check.setReason("check");
        check.setIdempotencyKey("check");
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        for (InvalidInputException.FieldError e : ledger.checkReceipt(check)) {
            errors.add(new InvalidInputException.FieldError("replacement." + e.field(), e.reason(), e.code(), e.args()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return replacement;
    }

    private static Money signed(String field, String text) {
        String t = text == null ? "" : text.strip();
        boolean negative = t.startsWith("-");
        BigDecimal v = FormInput.parse(field, negative ? t.substring(1) : t, 2, 12, true);
        return Money.cny(negative ? v.negate() : v);
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return FormInput.date(field, LocalDate.parse(text.strip()), false);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date such as 2027-01-31", "date");
        }
    }

    private void requireHeld(Warehouse w, StockLot lot, Quantity quantity) {
        List<?> held = em.createNativeQuery("select quantity from stock_balance where warehouse_id = ?1 and lot_id = ?2")
                .setParameter(1, w.id()).setParameter(2, lot.id()).getResultList();
        BigDecimal onHand = held.isEmpty() ? BigDecimal.ZERO : (BigDecimal) held.get(0);
        BigDecimal planned = em.createQuery("select coalesce(sum(r.quantity), 0) from RotationPlan r where r.warehouseId"
                        + " = :w and r.lotId = :l and r.status in :open", BigDecimal.class).setParameter("w", w.id())
                .setParameter("l", lot.id()).setParameter("open", List.of(RotationStatus.PROPOSED, RotationStatus.APPROVED))
                .getSingleResult();
        BigDecimal free = onHand.subtract(planned);
        if (quantity.value().compareTo(free) > 0) {
            throw new InvalidInputException("quantity", "is more than the " + free.stripTrailingZeros().toPlainString()
                    + " held at " + w.code() + " and not yet in another open rotation plan", "exceeds-free",
                    free.stripTrailingZeros().toPlainString());
        }
    }

    private Warehouse warehouse(String code) {
        if (code == null || code.isBlank()) {
            throw InvalidInputException.required("warehouse", null);
        }
        return em.createQuery("select w from Warehouse w where w.code = :c", Warehouse.class)
                .setParameter("c", code.strip()).getResultStream().findFirst()
                .orElseThrow(() -> new InvalidInputException("warehouse", "names no warehouse", "unknown", code.strip()));
    }

    private Material material(String code) {
        if (code == null || code.isBlank()) {
            throw InvalidInputException.required("material", null);
        }
        Material m = em.find(Material.class, code.strip());
        if (m == null) {
            throw new InvalidInputException("material", "names no material", "unknown", code.strip());
        }
        return m;
    }

    /** The lot of that number the warehouse holds: numbers name lots per warehouse, and others' are not looked at. */
    private StockLot lot(Warehouse w, Material material, String number) {
        if (number == null || number.isBlank()) {
            throw InvalidInputException.required("lot", null);
        }
        List<?> ids = em.createNativeQuery("select l.id from stock_lot l join stock_balance b on b.lot_id = l.id"
                        + " where b.warehouse_id = ?1 and l.material_code = ?2 and l.lot_number = ?3"
                        + " order by b.quantity desc, l.id limit 1")
                .setParameter(1, w.id()).setParameter(2, material.code()).setParameter(3, number.strip()).getResultList();
        if (ids.isEmpty()) {
            throw new InvalidInputException("lot", "names no lot of " + material.code() + " at " + w.code(), "unknown",
                    number.strip());
        }
        return em.find(StockLot.class, ((Number) ids.get(0)).longValue());
    }

    private Enterprise enterprise(Long id, boolean required) {
        if (id == null) {
            if (required) {
                throw InvalidInputException.required("enterprise", "EXCHANGE");
            }
            return null;
        }
        Enterprise e = em.find(Enterprise.class, id);
        if (e == null) {
            throw new InvalidInputException("enterprise", "names no enterprise", "unknown", String.valueOf(id));
        }
        return e;
    }

    private RotationPlan visible(long id, Caller caller) {
        RotationPlan plan = em.find(RotationPlan.class, id);
        if (plan == null || !caller.jurisdiction().covers(plan.division())) {
            throw new NotFoundException("rotation-plan", id);
        }
        return plan;
    }
}
