package org.reliefchain.finance.writeoff;

import java.math.BigDecimal;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reliefchain.audit.AuditTrail;
import org.reliefchain.finance.FormInput;
import org.reliefchain.network.Warehouse;
import org.reliefchain.platform.Clock;
import org.reliefchain.platform.DocumentNumbers;
import org.reliefchain.platform.ConflictException;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.NotFoundException;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.platform.PagedQuery;
import org.reliefchain.security.Caller;
import org.reliefchain.security.JurisdictionGuard;
import org.reliefchain.security.Role;

/**
 * Write-offs: raised by a warehouse manager or finance user for a warehouse in their jurisdiction, signed
 * by the finance user of each level from the warehouse's county up to the level the amount requires
 * (thresholds {@code reliefchain.writeoff.county-limit}, default 50,000 yuan, and
 * {@code reliefchain.writeoff.city-limit}, default 500,000), and recorded in the hash chain when final.
 * A signer's jurisdiction is exactly the division of their level (a province user does not sign for a
 * county); a write-off outside the caller's jurisdiction is "not found".
 */
@Stateless
@PermitAll
public class WriteOffService {

    /** Serialises appends to the chain: two signings at once must not both follow the same record. */
    private static final long CHAIN_LOCK = 0x5752_4f46_4643_4841L;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private JurisdictionGuard guard;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "reliefchain.writeoff.county-limit", defaultValue = "50000")
    private BigDecimal countyLimit;

    @Inject
    @ConfigProperty(name = "reliefchain.writeoff.city-limit", defaultValue = "500000")
    private BigDecimal cityLimit;

    @RolesAllowed({"WAREHOUSE_MANAGER", "FINANCE"})
    public WriteOffView raise(WriteOffForm form) {
        if (form == null) {
            throw InvalidInputException.required("body", null);
        }
        if (form.warehouse() == null || form.warehouse().isBlank()) {
            throw InvalidInputException.required("warehouse", null);
        }
        Warehouse w = em.createQuery("select w from Warehouse w where w.code = :c", Warehouse.class)
                .setParameter("c", form.warehouse().strip()).getResultStream().findFirst()
                .orElseThrow(() -> new InvalidInputException("warehouse", "names no warehouse", "unknown",
                        form.warehouse().strip()));
        Caller caller = guard.require(w.division(), "a write-off");
        if (form.cause() == null) {
            throw InvalidInputException.required("cause", null);
        }
        String description = FormInput.text("description", form.description(), 500, true);
        BigDecimal amount = FormInput.positive("amount", form.amount(), 2, 14);
        WriteOff wo = new WriteOff(DocumentNumbers.next(em, "HX", clock.now()), w.id(), w.division(), form.cause(),
                description, amount, SignLevel.required(amount, countyLimit, cityLimit), caller.username(), clock.now());
        em.persist(wo);
        em.flush();
        audit.record("WRITE_OFF_RAISED", "write-off", wo.number(), wo.cause() + " " + amount.toPlainString()
                + " CNY at " + w.code() + ", to be signed up to " + wo.requiredLevel());
        return view(wo, caller);
    }

    @RolesAllowed("FINANCE")
    public WriteOffView sign(long id) {
        Caller caller = guard.caller();
        WriteOff wo = visible(id, caller);
        List<SignLevel> toSign = wo.toSign();
        if (toSign.isEmpty()) {
            throw new ConflictException("write-off-status", "write-off " + wo.number() + " is " + wo.status())
                    .withArgs(wo.number(), wo.status().name());
        }
        SignLevel next = toSign.get(0);
        if (!caller.jurisdiction().root().equals(next.over(wo.division()))) {
            throw new ConflictException("wrong-level", "write-off " + wo.number() + " waits for the signature of "
                    + next + " " + next.over(wo.division()) + ", not of " + caller.jurisdiction().root())
                    .withArgs(wo.number(), next.name(), next.over(wo.division()).value());
        }
        boolean finished = wo.sign(caller.username(), clock.now());
        em.flush();
        if (finished) {
            append(wo);
        }
        audit.record("WRITE_OFF_SIGNED", "write-off", wo.number(), "signed at " + next
                + (finished ? "; final, recorded in the chain" : ""));
        return view(wo, caller);
    }

    @RolesAllowed("FINANCE")
    public WriteOffView reject(long id, String reason) {
        Caller caller = guard.caller();
        WriteOff wo = visible(id, caller);
        String r = FormInput.text("reason", reason, 300, true);
        wo.reject(r);
        em.flush();
        audit.record("WRITE_OFF_REJECTED", "write-off", wo.number(), r);
        return view(wo, caller);
    }

    public WriteOffView get(long id) {
        Caller caller = guard.caller();
        return view(visible(id, caller), caller);
    }

    public Page<WriteOffView> list(WriteOffStatus status, PageRequest page) {
        Caller caller = guard.caller();
        return PagedQuery.of(WriteOff.class, "w").and("w.divisionCode like :j", "j",
                        caller.jurisdiction().root().value() + "%").andIf(status, "w.status = :s", "s")
                .fetch(em, "w.id desc", page).map(w -> view(w, caller));
    }

    /**
     * Walks the whole chain: each record must follow the one before it, its hash must be the hash of its
     * content, and its content must still be what the write-off's rows say.
     */
    @RolesAllowed({"FINANCE", "AUDITOR", "ADMIN"})
    public ChainCheck verify() {
        String previous = Chain.GENESIS;
        long count = 0;
        for (Object row : em.createNativeQuery("select r.write_off_id, r.content, r.previous_hash, r.hash, w.number"
                + " from write_off_record r join write_off w on w.id = r.write_off_id order by r.id").getResultList()) {
            Object[] r = (Object[]) row;
            long id = ((Number) r[0]).longValue();
            String content = (String) r[1];
            String number = (String) r[4];
            count++;
            if (!previous.equals(r[2])) {
                return new ChainCheck(count, false, number, "does not follow the record before it");
            }
            if (!Chain.hash(previous, content).equals(r[3])) {
                return new ChainCheck(count, false, number, "its hash does not match its recorded content");
            }
            WriteOff wo = em.find(WriteOff.class, id);
            em.refresh(wo);
            if (!content.equals(wo.content(em.find(Warehouse.class, wo.warehouseId()).code()))) {
                return new ChainCheck(count, false, number, "the write-off was changed after it was signed");
            }
            previous = (String) r[3];
        }
        return new ChainCheck(count, true, null, null);
    }

    private void append(WriteOff wo) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, CHAIN_LOCK).getSingleResult();
        List<?> last = em.createNativeQuery("select hash from write_off_record order by id desc limit 1").getResultList();
        String previous = last.isEmpty() ? Chain.GENESIS : (String) last.get(0);
        String content = wo.content(em.find(Warehouse.class, wo.warehouseId()).code());
        em.createNativeQuery("insert into write_off_record (write_off_id, content, previous_hash, hash, recorded_at)"
                        + " values (?1, ?2, ?3, ?4, ?5)").setParameter(1, wo.id()).setParameter(2, content)
                .setParameter(3, previous).setParameter(4, Chain.hash(previous, content))
                .setParameter(5, clock.now().atOffset(java.time.ZoneOffset.UTC)).executeUpdate();
    }

    private WriteOff visible(long id, Caller caller) {
        WriteOff wo = em.find(WriteOff.class, id);
        if (wo == null || !caller.jurisdiction().covers(wo.division())) {
            throw new NotFoundException("write-off", id);
        }
        return wo;
    }

    private WriteOffView view(WriteOff wo, Caller caller) {
        Warehouse w = em.find(Warehouse.class, wo.warehouseId());
        List<SignLevel> toSign = wo.toSign();
        String hash = wo.status() != WriteOffStatus.SIGNED ? null : (String) em.createNativeQuery(
                "select hash from write_off_record where write_off_id = ?1").setParameter(1, wo.id())
                .getResultStream().findFirst().orElse(null);
        boolean mine = caller.role() == Role.FINANCE && !toSign.isEmpty()
                && caller.jurisdiction().root().equals(toSign.get(0).over(wo.division()));
        return new WriteOffView(wo.id(), wo.number(), w.code(), w.nameZh(), w.nameEn(), wo.division().value(),
                wo.cause(), wo.description(), wo.amount().setScale(2).toPlainString(), wo.requiredLevel(), wo.status(),
                wo.rejectReason(), wo.createdBy(), wo.createdAt(), wo.signatures(), toSign, hash,
                mine ? List.of("sign", "reject") : List.of(), wo.version());
    }
}
