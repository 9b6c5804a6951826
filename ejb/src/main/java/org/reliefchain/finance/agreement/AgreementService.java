package org.reliefchain.finance.agreement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.reliefchain.audit.AuditTrail;
import org.reliefchain.catalog.Material;
import org.reliefchain.division.Division;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.finance.FormInput;
import org.reliefchain.finance.enterprise.Enterprise;
import org.reliefchain.finance.enterprise.EnterpriseService;
import org.reliefchain.finance.enterprise.EnterpriseStatus;
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
 * Reserve agreements and their inspections. An agreement belongs to its contracting division: finance
 * staff (and administrators) whose jurisdiction contains it draft, activate, amend and terminate it;
 * warehouse managers there record inspections; everyone there reads it. An agreement outside the
 * caller's jurisdiction is "not found", so its existence is not revealed; the jurisdiction is checked
 * before the version.
 */
@Stateless
@PermitAll
public class AgreementService {

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
    private EnterpriseService enterprises;

    @RolesAllowed({"ADMIN", "FINANCE"})
    public AgreementView draft(AgreementForm form) {
        if (form == null) {
            throw InvalidInputException.required("body", null);
        }
        DivisionCode division = DivisionCode.parse("division", form.division());
        if (em.find(Division.class, division.value()) == null) {
            throw new InvalidInputException("division", "names no division", "unknown", division.value());
        }
        Caller caller = guard.require(division, "an agreement");
        if (form.enterprise() == null) {
            throw InvalidInputException.required("enterprise", null);
        }
        Enterprise enterprise = em.find(Enterprise.class, form.enterprise());
        if (enterprise == null) {
            throw new InvalidInputException("enterprise", "names no enterprise", "unknown",
                    String.valueOf(form.enterprise()));
        }
        if (enterprise.status() != EnterpriseStatus.ACTIVE) {
            throw new ConflictException("enterprise-inactive", "enterprise " + enterprise.name() + " is "
                    + enterprise.status() + " and takes no new agreement").withArgs(enterprise.name());
        }
        Agreement a = new Agreement(DocumentNumbers.next(em, "XY", clock.now()), enterprise.id(), division, form.kind(), terms(form),
                lines(form.lines(), division), caller.username(), clock.now());
        em.persist(a);
        em.flush();
        audit.record("AGREEMENT_DRAFTED", "agreement", a.number(), "drafted " + a.kind() + " agreement " + a.number()
                + " with " + enterprise.name() + " for division " + division + ", " + a.lines().size() + " lines");
        return view(a, caller);
    }

    @RolesAllowed({"ADMIN", "FINANCE"})
    public AgreementView activate(long id) {
        Caller caller = guard.caller();
        Agreement a = runnable(id, caller);
        a.activate(clock.now());
        em.flush();
        audit.record("AGREEMENT_ACTIVATED", "agreement", a.number(), "activated " + a.number() + " from "
                + a.terms().startsOn() + " to " + a.terms().endsOn());
        return view(a, caller);
    }

    /** Changes a draft, or amends an active agreement (the version before is kept, with the reason). */
    @RolesAllowed({"ADMIN", "FINANCE"})
    public AgreementView amend(long id, AgreementForm form) {
        if (form == null) {
            throw InvalidInputException.required("body", null);
        }
        Caller caller = guard.caller();
        Agreement a = runnable(id, caller);
        if (form.version() == null || form.version() != a.version()) {
            throw new ConflictException("stale-version", "agreement " + a.number() + " was changed by someone else"
                    + " (version " + a.version() + "); reload and try again");
        }
        boolean active = a.status() == AgreementStatus.ACTIVE;
        String reason = active ? required("reason", form.reason(), 300) : form.reason();
        String before = snapshot(view(a, caller));
        a.amend(terms(form), lines(form.lines(), a.division()), clock.now());
        em.flush();
        if (active) {
            em.persist(new AgreementVersion(a.id(), a.amendment() - 1, before, reason, caller.username(), clock.now()));
        }
        audit.record(active ? "AGREEMENT_AMENDED" : "AGREEMENT_CHANGED", "agreement", a.number(),
                (active ? "amendment " + a.amendment() + ": " + reason : "draft changed"));
        return view(a, caller);
    }

    @RolesAllowed({"ADMIN", "FINANCE"})
    public AgreementView terminate(long id, EndForm form) {
        if (form == null) {
            throw InvalidInputException.required("body", null);
        }
        Caller caller = guard.caller();
        Agreement a = runnable(id, caller);
        String reason = required("reason", form.reason(), 300);
        LocalDate lastDay = FormInput.date("lastDay", form.lastDay() == null ? today() : form.lastDay(), true);
        a.terminate(lastDay, reason, clock.now());
        em.flush();
        audit.record("AGREEMENT_TERMINATED", "agreement", a.number(), "terminated " + a.number() + ", last day "
                + a.terms().endsOn() + ": " + reason);
        return view(a, caller);
    }

    public AgreementView get(long id) {
        Caller caller = guard.caller();
        return view(visible(id, caller), caller);
    }

    public List<AgreementVersion.View> versions(long id) {
        Agreement a = visible(id, guard.caller());
        return em.createQuery("select v from AgreementVersion v where v.agreementId = :id order by v.amendment",
                AgreementVersion.class).setParameter("id", a.id()).getResultList().stream()
                .map(AgreementVersion::view).toList();
    }

    /** Agreements contracted inside the caller's jurisdiction; {@code text} matches the number or the enterprise. */
    public Page<AgreementView> list(String text, AgreementStatus status, AgreementKind kind, Long enterprise,
                                    String division, PageRequest page) {
        Caller caller = guard.caller();
        PagedQuery<Agreement> q = PagedQuery.of(Agreement.class, "a")
                .and("a.divisionCode like :j", "j", caller.jurisdiction().root().value() + "%");
        if (division != null && !division.isBlank()) {
            q.and("a.divisionCode like :d", "d", DivisionCode.parse("division", division).value() + "%");
        }
        if (text != null && !text.isBlank()) {
            String t = PagedQuery.escapeLike(text.strip());
            q.and("a.number like :n escape '\\' or exists (select e from Enterprise e where e.id = a.enterpriseId"
                    + " and (lower(e.name) like :t escape '\\' or e.creditCode like :n escape '\\'))",
                    "n", t.toUpperCase() + "%", "t", "%" + t.toLowerCase() + "%");
        }
        q.andIf(status, "a.status = :s", "s").andIf(kind, "a.kind = :k", "k").andIf(enterprise, "a.enterpriseId = :e", "e");
        return q.fetch(em, "a.number desc", page).map(a -> view(a, caller));
    }

    /**
     * Lines of agreements in force inside the caller's jurisdiction whose latest inspection found them short or
     * failing quality, the most recent finding first.
     */
    @RolesAllowed({"ADMIN", "FINANCE", "AUDITOR", "WAREHOUSE_MANAGER"})
    public Page<CheckFinding> findings(PageRequest page) {
        Caller caller = guard.caller();
        String where = " from agreement a join agreement_line l on l.agreement_id = a.id"
                + " join lateral (select k.checked_on, k.id, cl.counted, cl.quality_ok, cl.note from agreement_check k"
                + " join agreement_check_line cl on cl.check_id = k.id where k.agreement_id = a.id and cl.line_id = l.id"
                + " order by k.checked_on desc, k.id desc limit 1) f on true"
                + " where a.status = 'ACTIVE' and a.division_code like ?1 and (f.counted < l.quantity or not f.quality_ok)";
        String scope = caller.jurisdiction().root().value() + "%";
        long total = ((Number) em.createNativeQuery("select count(*)" + where).setParameter(1, scope)
                .getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select a.id, a.number, e.name, a.division_code, l.line_no,"
                        + " l.material_code, m.name_zh, m.name_en, m.unit_zh, m.unit_en, l.quantity, f.counted,"
                        + " f.quality_ok, f.checked_on, f.note" + where.replace(" where a.status",
                        " join enterprise e on e.id = a.enterprise_id join material m on m.code = l.material_code"
                                + " where a.status")
                        + " order by f.checked_on desc, a.number, l.line_no offset ?2 limit ?3")
                .setParameter(1, scope).setParameter(2, (long) page.page() * page.size()).setParameter(3, page.size())
                .getResultList();
        List<CheckFinding> items = new ArrayList<>();
        for (Object[] r : rows) {
            BigDecimal agreed = (BigDecimal) r[10];
            BigDecimal counted = (BigDecimal) r[11];
            items.add(new CheckFinding(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                    ((Number) r[4]).intValue(), (String) r[5], (String) r[6], (String) r[7], (String) r[8],
                    (String) r[9], plain(agreed), plain(counted), (Boolean) r[12],
                    plain(agreed.subtract(counted.min(agreed))), ((java.sql.Date) r[13]).toLocalDate(), (String) r[14]));
        }
        return new Page<>(items, total, page.page(), page.size());
    }

    // ---- checks ----------------------------------------------------------------------------------

    @RolesAllowed({"ADMIN", "WAREHOUSE_MANAGER"})
    public CheckView check(long id, CheckForm form) {
        if (form == null) {
            throw InvalidInputException.required("body", null);
        }
        Caller caller = guard.caller();
        Agreement a = visible(id, caller);
        if (a.status() == AgreementStatus.DRAFT) {
            throw new ConflictException("agreement-status", "agreement " + a.number() + " is a draft; only an agreement"
                    + " in force is inspected").withArgs(a.number(), a.status().name());
        }
        LocalDate on = FormInput.date("checkedOn", form.checkedOn(), true);
        if (on.isAfter(today())) {
            throw new InvalidInputException("checkedOn", "must not be in the future", "future");
        }
        if (on.isBefore(a.terms().startsOn()) || on.isAfter(a.terms().endsOn())) {
            throw new InvalidInputException("checkedOn", "must be within the agreement's term, " + a.terms().startsOn()
                    + " to " + a.terms().endsOn(), "within-term", a.terms().startsOn().toString(),
                    a.terms().endsOn().toString());
        }
        if (form.kind() == null) {
            throw InvalidInputException.required("kind", null);
        }
        if (form.lines() == null || form.lines().isEmpty()) {
            throw new InvalidInputException("lines", "name at least one line as found", "required");
        }
        Map<Integer, AgreementLine> byNo = new HashMap<>();
        a.lines().forEach(l -> byNo.put(l.lineNo(), l));
        Set<Integer> seen = new HashSet<>();
        List<AgreementCheck.Found> found = new ArrayList<>();
        for (int i = 0; i < form.lines().size(); i++) {
            CheckForm.Line l = form.lines().get(i);
            String f = "lines[" + i + "]";
            if (l == null || l.line() == null) {
                throw InvalidInputException.required(f + ".line", null);
            }
            AgreementLine line = byNo.get(l.line());
            if (line == null) {
                throw new InvalidInputException(f + ".line", "is not a line of agreement " + a.number(), "not-on-order");
            }
            if (!seen.add(l.line())) {
                throw new InvalidInputException(f + ".line", "is listed twice", "listed-twice");
            }
            BigDecimal counted = FormInput.parse(f + ".counted", l.counted(), 3, 11, true);
            found.add(new AgreementCheck.Found(line.id(), counted, l.qualityOk() == null || l.qualityOk(),
                    FormInput.text(f + ".note", l.note(), 300, false)));
        }
        AgreementCheck check = new AgreementCheck(a.id(), on, form.kind(), caller.username(),
                FormInput.text("note", form.note(), 500, false), found, clock.now());
        em.persist(check);
        em.flush();
        CheckView view = checkView(check, a);
        long shortLines = view.lines().stream().filter(l -> l.shortBy() != null || !l.qualityOk()).count();
        audit.record("AGREEMENT_CHECKED", "agreement", a.number(), form.kind() + " check on " + on + ": "
                + found.size() + " lines, " + shortLines + " short or failed");
        return view;
    }

    public List<CheckView> checks(long id) {
        Agreement a = visible(id, guard.caller());
        return em.createQuery("select c from AgreementCheck c where c.agreementId = :id order by c.checkedOn desc,"
                        + " c.id desc", AgreementCheck.class).setParameter("id", a.id()).getResultList().stream()
                .map(c -> checkView(c, a)).toList();
    }

    // ---- rules and views -------------------------------------------------------------------------

    private AgreementTerms terms(AgreementForm f) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        LocalDate starts = InvalidInputException.collect(errors, () -> FormInput.date("startsOn", f.startsOn(), true));
        LocalDate ends = InvalidInputException.collect(errors, () -> FormInput.date("endsOn", f.endsOn(), true));
        if (f.priceRule() == null) {
            errors.add(new InvalidInputException.FieldError("priceRule", "is required", "required", List.of()));
        }
        if (f.feeBasis() == null) {
            errors.add(new InvalidInputException.FieldError("feeBasis", "is required", "required", List.of()));
        }
        BigDecimal percent = InvalidInputException.collect(errors, () -> FormInput.parse("pricePercent", f.pricePercent(), 3, 3, false));
        BigDecimal fee = InvalidInputException.collect(errors, () -> FormInput.parse("managementFee", f.managementFee(), 2, 14, false));
        BigDecimal penalty = InvalidInputException.collect(errors, () -> FormInput.parse("penaltyPerUnitDay", f.penaltyPerUnitDay(), 4, 8, false));
        int days = f.paymentDays() == null ? 30 : f.paymentDays();
        if (days < 0 || days > 365) {
            errors.add(new InvalidInputException.FieldError("paymentDays", "must be between 0 and 365", "between",
                    List.of("0", "365")));
        }
        if (percent != null && percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.add(new InvalidInputException.FieldError("pricePercent", "must not exceed 100", "not-more-than",
                    List.of("100")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new AgreementTerms(starts, ends, f.priceRule(), percent, f.feeBasis(),
                fee == null ? BigDecimal.ZERO : fee, days, penalty == null ? BigDecimal.ZERO : penalty);
    }

    private List<LineTerms> lines(List<AgreementForm.Line> lines, DivisionCode division) {
        if (lines == null || lines.isEmpty()) {
            throw new InvalidInputException("lines", "name at least one material", "required");
        }
        if (lines.size() > 200) {
            throw new InvalidInputException("lines", "must have at most 200 lines", "too-many", "200");
        }
        List<LineTerms> terms = new ArrayList<>();
        Set<String> materials = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            AgreementForm.Line l = lines.get(i);
            String f = "lines[" + i + "]";
            if (l == null) {
                throw InvalidInputException.required(f, null);
            }
            if (l.material() == null || l.material().isBlank()) {
                throw InvalidInputException.required(f + ".material", null);
            }
            Material m = em.find(Material.class, l.material().strip());
            if (m == null) {
                throw new InvalidInputException(f + ".material", "names no material", "unknown", l.material().strip());
            }
            if (!materials.add(m.code())) {
                throw new InvalidInputException(f + ".material", "is listed twice: one line per material",
                        "listed-twice");
            }
            Long warehouseId = null;
            if (l.warehouse() != null && !l.warehouse().isBlank()) {
                Warehouse w = em.createQuery("select w from Warehouse w where w.code = :c", Warehouse.class)
                        .setParameter("c", l.warehouse().strip()).getResultStream().findFirst().orElse(null);
                if (w == null || !division.contains(w.division())) {
                    throw new InvalidInputException(f + ".warehouse", "names no warehouse of the contracting division",
                            "unknown", l.warehouse().strip());
                }
                warehouseId = w.id();
            }
            String standard = FormInput.text(f + ".qualityStandard", l.qualityStandard(), 200, false);
            terms.add(new LineTerms(m.code(), FormInput.positive(f + ".quantity", l.quantity(), 3, 11),
                    FormInput.parse(f + ".feeRate", l.feeRate(), 4, 8, true),
                    FormInput.parse(f + ".unitValue", l.unitValue(), 2, 12, true),
                    standard == null ? "" : standard, warehouseId, l.capacityHours() == null ? null
                    : hours(f + ".capacityHours", l.capacityHours()),
                    l.capacityPerDay() == null || l.capacityPerDay().isBlank() ? null
                            : FormInput.positive(f + ".capacityPerDay", l.capacityPerDay(), 3, 11)));
        }
        return terms;
    }

    private static int hours(String field, int h) {
        if (h < 1 || h > 720) {
            throw new InvalidInputException(field, "must be between 1 and 720", "between", "1", "720");
        }
        return h;
    }

    private Agreement find(long id) {
        Agreement a = em.find(Agreement.class, id);
        if (a == null) {
            throw new NotFoundException("agreement", id);
        }
        return a;
    }

    /** Visible to anyone whose jurisdiction contains the contracting division; "not found" to others. */
    Agreement visible(long id, Caller caller) {
        Agreement a = find(id);
        if (!caller.jurisdiction().covers(a.division())) {
            throw new NotFoundException("agreement", id);
        }
        return a;
    }

    private Agreement runnable(long id, Caller caller) {
        Agreement a = visible(id, caller);
        if (caller.role() != Role.FINANCE && caller.role() != Role.ADMIN) {
            throw new jakarta.ejb.EJBAccessException("only finance staff run agreements");
        }
        return a;
    }

    private LocalDate today() {
        return clock.now().atZone(CHINA).toLocalDate();
    }

    private static String required(String field, String value, int max) {
        return FormInput.text(field, value, max, true);
    }

    private static String snapshot(AgreementView view) {
        try (Jsonb json = JsonbBuilder.create()) {
            return json.toJson(view);
        } catch (Exception e) {
            throw new IllegalStateException("cannot keep the agreement's version", e);
        }
    }

    AgreementView view(Agreement a, Caller caller) {
        Enterprise e = em.find(Enterprise.class, a.enterpriseId());
        Division d = em.find(Division.class, a.division().value());
        AgreementTerms t = a.terms();
        Map<Long, AgreementCheck.Found> last = new HashMap<>();
        Map<Long, LocalDate> lastOn = new HashMap<>();
        List<AgreementCheck> checks = em.createQuery("select c from AgreementCheck c where c.agreementId = :id"
                + " order by c.checkedOn, c.id", AgreementCheck.class).setParameter("id", a.id()).getResultList();
        for (AgreementCheck c : checks) {
            for (AgreementCheck.Found f : c.lines()) {
                last.put(f.lineId(), f);
                lastOn.put(f.lineId(), c.checkedOn());
            }
        }
        List<AgreementView.LineView> lines = new ArrayList<>();
        for (AgreementLine l : a.lines()) {
            Material m = em.find(Material.class, l.materialCode());
            Warehouse w = l.warehouseId() == null ? null : em.find(Warehouse.class, l.warehouseId());
            LineTerms lt = l.terms();
            AgreementCheck.Found f = last.get(l.id());
            lines.add(new AgreementView.LineView(l.id(), l.lineNo(), m.code(), m.nameZh(), m.nameEn(), m.unitZh(),
                    m.unitEn(), plain(lt.quantity()), plain(lt.feeRate()), plain(lt.unitValue()), lt.qualityStandard(),
                    w == null ? null : w.code(), w == null ? null : w.nameZh(), w == null ? null : w.nameEn(),
                    lt.capacityHours(), lt.capacityPerDay() == null ? null : plain(lt.capacityPerDay()),
                    lastOn.get(l.id()), f == null ? null : plain(f.counted()), f == null ? null : f.qualityOk()));
        }
        return new AgreementView(a.id(), a.number(), e.id(), e.name(), e.creditCode(), a.division().value(),
                d.nameZh(), d.nameEn(), a.kind(), a.status(), t.startsOn(), t.endsOn(), t.priceRule(),
                t.pricePercent() == null ? null : plain(t.pricePercent()), t.feeBasis(), t.managementFee().toPlainString(),
                t.paymentDays(), plain(t.penaltyPerUnitDay()), a.amendment(), a.endReason(), a.synthetic(), lines,
                checks.size(), actions(a, caller), a.version());
    }

    /** What the viewer may do with the agreement now (the screens offer these and only these). */
    static List<String> actions(Agreement a, Caller caller) {
        List<String> actions = new ArrayList<>();
        boolean runs = caller.role() == Role.FINANCE || caller.role() == Role.ADMIN;
        if (runs && a.status() == AgreementStatus.DRAFT) {
            actions.addAll(List.of("activate", "amend"));
        }
        if (runs && a.status() == AgreementStatus.ACTIVE) {
            actions.addAll(List.of("amend", "terminate"));
        }
        if ((caller.role() == Role.WAREHOUSE_MANAGER || caller.role() == Role.ADMIN)
                && a.status() != AgreementStatus.DRAFT) {
            actions.add("check");
        }
        return actions;
    }

    private CheckView checkView(AgreementCheck c, Agreement a) {
        Map<Long, AgreementLine> lines = new HashMap<>();
        a.lines().forEach(l -> lines.put(l.id(), l));
        List<CheckView.Line> out = new ArrayList<>();
        for (AgreementCheck.Found f : c.lines()) {
            AgreementLine l = lines.get(f.lineId());
            Material m = em.find(Material.class, l.materialCode());
            BigDecimal shortBy = l.quantity().subtract(f.counted());
            out.add(new CheckView.Line(l.lineNo(), m.code(), m.nameZh(), m.nameEn(), m.unitZh(), m.unitEn(),
                    plain(l.quantity()), plain(f.counted()), shortBy.signum() > 0 ? plain(shortBy) : null,
                    f.qualityOk(), f.note()));
        }
        out.sort(java.util.Comparator.comparingInt(CheckView.Line::line));
        return new CheckView(c.id(), a.id(), a.number(), c.checkedOn(), c.kind(), c.checkedBy(), c.note(), out);
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().scale() < 0 ? v.setScale(0).toPlainString() : v.stripTrailingZeros().toPlainString();
    }
}
