package org.reliefchain.finance.enterprise;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.reliefchain.audit.AuditTrail;
import org.reliefchain.division.Division;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.finance.FormInput;
import org.reliefchain.platform.Clock;
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
 * The enterprise registry. Registration data is public (anyone may look a company up by its credit
 * code), so every signed-in user reads the whole registry and picks from it; finance staff and
 * administrators register and change enterprises located in their jurisdiction. The bank account is
 * shown in full to finance staff only.
 */
@Stateless
@PermitAll
public class EnterpriseService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private JurisdictionGuard guard;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @RolesAllowed({"ADMIN", "FINANCE"})
    public EnterpriseView register(EnterpriseForm form) {
        if (form == null) {
            throw InvalidInputException.required("body", null);
        }
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        CreditCode code = checkFields(form, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        DivisionCode division = DivisionCode.parse("division", form.division());
        Caller caller = guard.require(division, "an enterprise");
        Long taken = registered(code);
        if (taken != null) {
            throw new ConflictException("duplicate-credit-code", "an enterprise with credit code " + code
                    + " is already registered (id " + taken + ")").withArgs(code.value());
        }
        Enterprise e = new Enterprise(form.name(), code, division, caller.username(), clock.now());
        e.contact(form.contactName(), form.contactPhone(), clock.now());
        e.bank(form.bankName(), form.bankAccount(), clock.now());
        em.persist(e);
        em.flush();
        audit.record("ENTERPRISE_REGISTERED", "enterprise", String.valueOf(e.id()),
                "registered " + e.name() + " (" + e.creditCode() + ") in division " + e.division());
        return view(e, caller);
    }

    /**
     * Everything {@link #register} would refuse, without writing: an import checks every row of its file
     * this way first. {@code codesEarlierInFile} are the credit codes of the rows before this one.
     */
    @RolesAllowed({"ADMIN", "FINANCE"})
    public List<InvalidInputException.FieldError> checkNew(EnterpriseForm form, Set<String> codesEarlierInFile) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        CreditCode code = checkFields(form, errors);
        if (code != null) {
            Long taken = registered(code);
            if (taken != null) {
                errors.add(new InvalidInputException.FieldError("creditCode", "is already registered (enterprise "
                        + taken + ")", "duplicate-credit-code", List.of(code.value())));
            } else if (codesEarlierInFile.contains(code.value())) {
                errors.add(new InvalidInputException.FieldError("creditCode", "appears twice in the file",
                        "twice-in-file", List.of()));
            }
        }
        // asked, not required: a refusal thrown across the guard's EJB boundary would doom the whole import's transaction
        if (errors.stream().noneMatch(e -> e.field().equals("division"))
                && !guard.caller().jurisdiction().covers(DivisionCode.parse("division", form.division()))) {
            errors.add(new InvalidInputException.FieldError("division", "is outside your jurisdiction",
                    "outside-jurisdiction", List.of(form.division())));
        }
        return errors;
    }

    /** The credit code when every field of a new enterprise is well-formed; each fault added to {@code errors}. */
    private CreditCode checkFields(EnterpriseForm form, List<InvalidInputException.FieldError> errors) {
        CreditCode code = InvalidInputException.collect(errors, () -> CreditCode.parse("creditCode", form.creditCode()));
        InvalidInputException.collect(errors, () -> existing(form.division()));
        InvalidInputException.collect(errors, () -> FormInput.text("name", form.name(), 200, true));
        InvalidInputException.collect(errors, () -> FormInput.text("contactName", form.contactName(), 60, false));
        InvalidInputException.collect(errors, () -> Enterprise.phone(form.contactPhone()));
        InvalidInputException.collect(errors, () -> FormInput.text("bankName", form.bankName(), 100, false));
        InvalidInputException.collect(errors, () -> Enterprise.account(form.bankAccount()));
        return code;
    }

    private Long registered(CreditCode code) {
        return em.createQuery("select e.id from Enterprise e where e.creditCode = :c", Long.class)
                .setParameter("c", code.value()).getResultStream().findFirst().orElse(null);
    }

    /** Changes the name, contacts, bank account or status; the credit code and division are the enterprise's identity. */
    @RolesAllowed({"ADMIN", "FINANCE"})
    public EnterpriseView change(long id, EnterpriseForm form) {
        if (form == null) {
            throw InvalidInputException.required("body", null);
        }
        Enterprise e = find(id);
        Caller caller = guard.require(e.division(), "enterprise " + e.name());
        if (form.version() == null || form.version() != e.version()) {
            throw new ConflictException("stale-version", "enterprise " + e.name() + " was changed by someone else"
                    + " (version " + e.version() + "); reload and try again");
        }
        List<String> what = new ArrayList<>();
        if (form.name() != null && !form.name().strip().equals(e.name())) {
            e.rename(form.name(), clock.now());
            what.add("name " + e.name());
        }
        if (form.contactName() != null || form.contactPhone() != null) {
            e.contact(form.contactName() != null ? form.contactName() : e.contactName(),
                    form.contactPhone() != null ? form.contactPhone() : e.contactPhone(), clock.now());
            what.add("contact");
        }
        if (form.bankName() != null || form.bankAccount() != null) {
            e.bank(form.bankName() != null ? form.bankName() : e.bankName(),
                    form.bankAccount() != null ? form.bankAccount() : e.bankAccount(), clock.now());
            what.add("bank account");
        }
        if (form.status() != null && form.status() != e.status()) {
            what.add("status " + e.status() + " -> " + form.status());
            e.moveTo(form.status(), clock.now());
        }
        if (what.isEmpty()) {
            throw new InvalidInputException("body", "changes nothing", "changes-nothing");
        }
        em.flush();
        audit.record("ENTERPRISE_CHANGED", "enterprise", String.valueOf(e.id()), e.name() + ": " + String.join(", ", what));
        return view(e, caller);
    }

    public EnterpriseView get(long id) {
        return view(find(id), guard.caller());
    }

    /** The registry, by name; {@code text} matches the name or the start of the credit code. */
    public Page<EnterpriseView> list(String text, String division, EnterpriseStatus status, PageRequest page) {
        Caller caller = guard.caller();
        PagedQuery<Enterprise> q = PagedQuery.of(Enterprise.class, "e");
        // persons owed requisition compensation are payees without a credit code, not registry entries
        q.and("e.creditCode is not null");
        if (text != null && !text.isBlank()) {
            String t = PagedQuery.escapeLike(text.strip());
            q.and("lower(e.name) like :t escape '\\' or e.creditCode like :c escape '\\'",
                    "t", "%" + t.toLowerCase() + "%", "c", t.toUpperCase() + "%");
        }
        if (division != null && !division.isBlank()) {
            q.and("e.divisionCode like :d", "d", DivisionCode.parse("division", division).value() + "%");
        }
        q.andIf(status, "e.status = :s", "s");
        Page<Enterprise> found = q.fetch(em, "e.name, e.id", page);
        Map<Long, Long> counts = agreementCounts(found.items().stream().map(Enterprise::id).toList());
        return found.map(e -> view(e, caller, counts.getOrDefault(e.id(), 0L)));
    }

    /** At most {@code limit} enterprises whose name or credit code matches, active first, for a picker. */
    public List<EnterpriseView> pick(String text, int limit) {
        return list(text, null, EnterpriseStatus.ACTIVE, new PageRequest(0, Math.max(1, Math.min(limit, 50)))).items();
    }

    public Enterprise find(long id) {
        Enterprise e = em.find(Enterprise.class, id);
        if (e == null) {
            throw new NotFoundException("enterprise", id);
        }
        return e;
    }

    private DivisionCode existing(String text) {
        DivisionCode d = DivisionCode.parse("division", text);
        if (em.find(Division.class, d.value()) == null) {
            throw new InvalidInputException("division", "names no division", "unknown", d.value());
        }
        return d;
    }

    private Map<Long, Long> agreementCounts(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> counts = new java.util.HashMap<>();
        em.createQuery("select a.enterpriseId, count(a) from Agreement a where a.enterpriseId in :ids"
                        + " group by a.enterpriseId", Object[].class).setParameter("ids", ids).getResultList()
                .forEach(r -> counts.put((Long) r[0], (Long) r[1]));
        return counts;
    }

    EnterpriseView view(Enterprise e, Caller caller) {
        return view(e, caller, agreementCounts(List.of(e.id())).getOrDefault(e.id(), 0L));
    }

    private EnterpriseView view(Enterprise e, Caller caller, long agreements) {
        // The registry is read by everyone, but the bank account is a finance matter of the enterprise's own
        // jurisdiction: a county's finance user does not read another city's accounts in full.
        boolean full = caller.role() == Role.FINANCE && caller.jurisdiction().covers(e.division());
        Division d = em.find(Division.class, e.division().value());
        return new EnterpriseView(e.id(), e.name(), e.creditCode(), e.division().value(),
                d == null ? null : d.nameZh(), d == null ? null : d.nameEn(), e.contactName(), e.contactPhone(), e.bankName(),
                full ? e.bankAccount() : Enterprise.mask(e.bankAccount()), !full && e.bankAccount() != null,
                e.status(), e.synthetic(), agreements, e.version());
    }

}
