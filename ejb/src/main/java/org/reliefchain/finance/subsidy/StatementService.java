package org.reliefchain.finance.subsidy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.reliefchain.audit.AuditTrail;
import org.reliefchain.catalog.Material;
import org.reliefchain.division.Division;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.finance.enterprise.Enterprise;
import org.reliefchain.finance.journal.Account;
import org.reliefchain.finance.journal.Journal;
import org.reliefchain.finance.journal.Posting;
import org.reliefchain.platform.Clock;
import org.reliefchain.platform.ConflictException;
import org.reliefchain.platform.DatabaseSetup;
import org.reliefchain.platform.DocumentNumbers;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.NotFoundException;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.platform.PagedQuery;
import org.reliefchain.security.Caller;
import org.reliefchain.security.JurisdictionGuard;
import org.reliefchain.security.Role;
import org.reliefchain.stock.Money;
import org.reliefchain.stock.imports.ImportColumn;
import org.reliefchain.stock.imports.ImportLayout;
import org.reliefchain.stock.imports.ImportRow;
import org.reliefchain.stock.imports.SheetReader;

/**
 * Subsidy statements: accrued per period for the agreements of a division, reconciled against the
 * enterprise's own statement, approved by a second finance user (booked to the journal), paid once.
 * Finance staff act on statements of divisions in their jurisdiction; auditors read them; a statement
 * outside the caller's jurisdiction is "not found".
 *
 * <p>Accrual reads the agreements, lines and checks of a whole division in three queries and writes
 * statements and lines in batches on the transaction's connection: a province's quarter is tens of
 * thousands of lines, and one round trip per line would be most of its time.
 */
@Stateless
@PermitAll
public class StatementService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The enterprise's own statement as finance staff import it (XLSX or CSV). */
    public static final ImportLayout THEIR_STATEMENT = new ImportLayout("enterprise-statement", "企业对账单",
            "Enterprise statement", List.of(
            ImportColumn.required("agreement", "协议编号", ImportColumn.Kind.TEXT, "XY2026-000001", "协议号"),
            ImportColumn.optional("material", "物资编码", ImportColumn.Kind.TEXT, "TENT-12", "物资"),
            ImportColumn.optional("kind", "类型", ImportColumn.Kind.TEXT, "STORAGE_FEE", "项目")
                    .choosing("STORAGE_FEE 储存费, MANAGEMENT_FEE 管理费, SHORTFALL 短缺扣减, QUALITY 质量扣减,"
                            + " LATE_ROTATION 轮换逾期扣减"),
            ImportColumn.optional("basis", "数量天数", ImportColumn.Kind.NUMBER, "9200", "基数"),
            ImportColumn.required("amount", "金额", ImportColumn.Kind.NUMBER, "302.47", "金额（元）")));

    private static final Map<String, LineKind> KIND_WORDS = Map.of("储存费", LineKind.STORAGE_FEE, "管理费",
            LineKind.MANAGEMENT_FEE, "短缺扣减", LineKind.SHORTFALL, "质量扣减", LineKind.QUALITY, "轮换逾期扣减",
            LineKind.LATE_ROTATION, "调整", LineKind.ADJUSTMENT);

    @PersistenceContext
    private EntityManager em;

    @Resource(lookup = DatabaseSetup.DATASOURCE)
    private DataSource dataSource;

    @Inject
    private JurisdictionGuard guard;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @Inject
    private Journal journal;

    // ---- accrual ---------------------------------------------------------------------------------

    @RolesAllowed("FINANCE")
    public AccrualResult accrue(AccrueForm form) {
        if (form == null) {
            throw InvalidInputException.required("body", null);
        }
        Period period = Period.parse("period", form.period());
        Caller caller = guard.caller();
        DivisionCode division = form.division() == null || form.division().isBlank() ? caller.jurisdiction().root()
                : DivisionCode.parse("division", form.division());
        guard.require(division, "subsidy statements");
        if (!period.to().isBefore(today())) {
            throw new ConflictException("period-open", "period " + period.name() + " ends on " + period.to()
                    + ": a period is accrued once it is over").withArgs(period.name(), period.to().toString());
        }
        try (Connection c = dataSource.getConnection()) {
            AccrualWriter.Outcome done = AccrualWriter.write(c, division, period, caller.username(), clock.now());
            audit.record("SUBSIDY_ACCRUED", "period", period.name(), "accrued " + period.name() + " for division "
                    + division + ": " + done.statements() + " statements, " + done.lines() + " lines, "
                    + done.total().plain() + " CNY" + (done.alreadyAccrued() > 0 ? "; " + done.alreadyAccrued()
                    + " enterprises already accrued" : ""));
            return new AccrualResult(period.name(), period.from(), period.to(), division.value(), done.agreements(),
                    done.statements(), done.lines(), done.total().plain(), done.alreadyAccrued());
        } catch (SQLException e) {
            throw new IllegalStateException("accruing " + period.name() + " failed", e);
        }
    }

    // ---- the life of a statement -----------------------------------------------------------------

    @RolesAllowed({"FINANCE", "AUDITOR", "ADMIN"})
    public Page<StatementView> list(StatementStatus status, String period, Long enterprise, String division,
                                    PageRequest page) {
        Caller caller = guard.caller();
        PagedQuery<Statement> q = PagedQuery.of(Statement.class, "s")
                .and("s.divisionCode like :j", "j", caller.jurisdiction().root().value() + "%")
                .andIf(status, "s.status = :st", "st").andIf(enterprise, "s.enterpriseId = :e", "e");
        if (period != null && !period.isBlank()) {
            q.and("s.periodStart = :p", "p", Period.parse("period", period).from());
        }
        if (division != null && !division.isBlank()) {
            q.and("s.divisionCode like :d", "d", DivisionCode.parse("division", division).value() + "%");
        }
        return q.fetch(em, "s.periodStart desc, s.number desc", page).map(s -> view(s, caller, false));
    }

    @RolesAllowed({"FINANCE", "AUDITOR", "ADMIN"})
    public StatementView get(long id) {
        Caller caller = guard.caller();
        return view(visible(id, caller), caller, true);
    }

    @RolesAllowed("FINANCE")
    public StatementView approve(long id, Long version) {
        Caller caller = guard.caller();
        Statement s = visible(id, caller);
        if (version != null && version != s.version()) {
            throw new ConflictException("stale-version", "statement " + s.number() + " was changed by someone else"
                    + " (version " + s.version() + "); reload and try again");
        }
        s.approve(caller.username(), clock.now());
        em.flush();
        if (!s.total().isZero()) {
            journal.post(s.division().value(), "STATEMENT", s.id(), s.number(), "subsidy " + s.periodStart() + " to "
                    + s.periodEnd() + " approved", Posting.transfer(s.total(), Account.SUBSIDY_EXPENSE, null,
                    Account.PAYABLE, s.enterpriseId()));
        }
        audit.record("STATEMENT_APPROVED", "statement", s.number(), "approved " + s.number() + " for "
                + s.total().plain() + " CNY, prepared by " + s.preparedBy());
        return view(s, caller, true);
    }

    /** Records the payment; the same reference again answers the paid statement and changes nothing. */
    @RolesAllowed("FINANCE")
    public StatementView pay(long id, PaymentForm form) {
        if (form == null) {
            throw InvalidInputException.required("body", null);
        }
        Caller caller = guard.caller();
        Statement s = visible(id, caller);
        String reference = reference(form.reference());
        if (s.status() == StatementStatus.PAID && reference.equals(s.paymentRef())) {
            return view(s, caller, true);
        }
        Long other = em.createQuery("select s.id from Statement s where s.paymentRef = :r", Long.class)
                .setParameter("r", reference).getResultStream().findFirst().orElse(null);
        if (other != null) {
            throw new ConflictException("duplicate-payment", "payment " + reference + " is already recorded on"
                    + " another statement").withArgs(reference);
        }
        LocalDate on = form.paidOn() == null ? today() : form.paidOn();
        if (on.isAfter(today())) {
            throw new InvalidInputException("paidOn", "must not be in the future", "future");
        }
        if (s.approvedAt() != null && on.isBefore(s.approvedAt().atZone(CHINA).toLocalDate())) {
            throw new InvalidInputException("paidOn", "must not be before the approval", "too-small",
                    s.approvedAt().atZone(CHINA).toLocalDate().toString());
        }
        s.pay(reference, on, caller.username(), clock.now());
        em.flush();
        if (!s.total().isZero()) {
            journal.post(s.division().value(), "PAYMENT", s.id(), s.number(), "paid " + s.number() + ", reference "
                    + reference, Posting.transfer(s.total(), Account.PAYABLE, s.enterpriseId(), Account.BANK, null));
        }
        audit.record("STATEMENT_PAID", "statement", s.number(), "paid " + s.total().plain() + " CNY on " + on
                + ", reference " + reference);
        return view(s, caller, true);
    }

    /** A correction of an approved (or paid) statement: a new draft that refers to it. */
    @RolesAllowed("FINANCE")
    public StatementView adjust(long id, AdjustmentForm form) {
        if (form == null) {
            throw InvalidInputException.required("body", null);
        }
        Caller caller = guard.caller();
        Statement s = visible(id, caller);
        if (s.status() == StatementStatus.DRAFT) {
            throw new ConflictException("statement-status", "statement " + s.number() + " is a draft: correct it by"
                    + " accruing again or reconcile it; only an approved statement is adjusted")
                    .withArgs(s.number(), s.status().name());
        }
        String reason = org.reliefchain.finance.FormInput.text("reason", form.reason(), 500, false);
        if (reason == null) {
            throw InvalidInputException.required("reason", null);
        }
        if (form.lines() == null || form.lines().isEmpty()) {
            throw new InvalidInputException("lines", "name at least one amount", "required");
        }
        List<Object[]> lines = new ArrayList<>();
        Money total = Money.zero(Money.CNY);
        for (int i = 0; i < form.lines().size(); i++) {
            AdjustmentForm.Line l = form.lines().get(i);
            String f = "lines[" + i + "]";
            if (l == null) {
                throw InvalidInputException.required(f, null);
            }
            Money amount = Money.cny(signed(f + ".amount", l.amount()));
            String why = org.reliefchain.finance.FormInput.text(f + ".explanation", l.explanation(), 500, false);
            if (why == null) {
                throw InvalidInputException.required(f + ".explanation", null);
            }
            String material = l.material() == null || l.material().isBlank() ? null : l.material().strip();
            if (material != null && em.find(Material.class, material) == null) {
                throw new InvalidInputException(f + ".material", "names no material", "unknown", material);
            }
            lines.add(new Object[] {amount, why, material});
            total = total.plus(amount);
        }
        String number;
        try (Connection c = dataSource.getConnection()) {
            number = DocumentNumbers.next(c, "BT", 1, clock.now()).get(0);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot number the adjustment", e);
        }
        Statement adjustment = new Statement(number, s, total, reason, caller.username(), clock.now());
        em.persist(adjustment);
        em.flush();
        int n = 0;
        for (Object[] l : lines) {
            em.createNativeQuery("insert into subsidy_statement_line (statement_id, line_no, kind, material_code,"
                            + " basis, rate, amount, explanation) values (?1, ?2, 'ADJUSTMENT', cast(?3 as varchar), 0, 0, ?4, ?5)")
                    .setParameter(1, adjustment.id()).setParameter(2, ++n).setParameter(3, l[2])
                    .setParameter(4, ((Money) l[0]).amount()).setParameter(5, l[1]).executeUpdate();
        }
        audit.record("STATEMENT_ADJUSTED", "statement", adjustment.number(), "adjusts " + s.number() + " by "
                + total.plain() + " CNY: " + reason);
        return view(adjustment, caller, true);
    }

    /** Compares the statement with the enterprise's own (XLSX or CSV) and keeps the differences found. */
    @RolesAllowed("FINANCE")
    public StatementView reconcile(long id, String fileName, byte[] content, boolean xlsx) {
        Caller caller = guard.caller();
        Statement s = visible(id, caller);
        if (content == null || content.length == 0) {
            throw InvalidInputException.required("file", null);
        }
        List<ImportRow> rows = SheetReader.read(content, xlsx, THEIR_STATEMENT);
        List<Reconciler.Side> theirs = new ArrayList<>();
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        BigDecimal theirTotal = BigDecimal.ZERO;
        for (ImportRow r : rows) {
            String where = "row " + r.line();
            String agreement = cell(r, "agreement");
            String material = cell(r, "material");
            String kindText = cell(r, "kind");
            try {
                LineKind kind = kindText == null ? (material == null ? LineKind.MANAGEMENT_FEE : LineKind.STORAGE_FEE)
                        : kind(kindText);
                BigDecimal basis = cell(r, "basis") == null ? null : new BigDecimal(cell(r, "basis"));
                BigDecimal amount = signed(where + ".amount", cell(r, "amount"));
                if (agreement == null) {
                    throw InvalidInputException.required(where + ".agreement", null);
                }
                theirs.add(new Reconciler.Side(agreement, material, kind, basis, amount));
                theirTotal = theirTotal.add(amount);
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            } catch (NumberFormatException e) {
                errors.add(new InvalidInputException.FieldError(where + ".basis", "must be a decimal number such as"
                        + " 12.5", "number", List.of()));
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidInputException.FieldError(where + ".kind", "must be one of STORAGE_FEE,"
                        + " MANAGEMENT_FEE, SHORTFALL, QUALITY, LATE_ROTATION (or 储存费, 管理费, 短缺扣减, 质量扣减,"
                        + " 轮换逾期扣减)", "choose",
                        List.of()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<Reconciler.Side> ours = new ArrayList<>();
        for (StatementView.Line l : lines(s)) {
            ours.add(new Reconciler.Side(l.agreementNumber(), l.material(), l.kind(), new BigDecimal(l.basis()),
                    new BigDecimal(l.amount())));
        }
        List<Reconciler.Difference> differences = Reconciler.compare(ours, theirs);
        String name = org.reliefchain.finance.FormInput.text("fileName", fileName == null ? "statement" : fileName, 200, false);
        Number rid = (Number) em.createNativeQuery("insert into statement_reconciliation (statement_id, file_name,"
                        + " their_total, differences, reconciled_by, reconciled_at) values (?1, ?2, ?3, ?4, ?5, ?6)"
                        + " returning id").setParameter(1, s.id()).setParameter(2, name == null ? "statement" : name)
                .setParameter(3, theirTotal.setScale(2, java.math.RoundingMode.HALF_UP))
                .setParameter(4, differences.size()).setParameter(5, caller.username())
                .setParameter(6, clock.now().atOffset(java.time.ZoneOffset.UTC)).getSingleResult();
        int n = 0;
        for (Reconciler.Difference d : differences) {
            em.createNativeQuery("insert into statement_difference (reconciliation_id, line_no, agreement_number,"
                            + " material_code, kind, ours, theirs, reason, detail) values (?1, ?2, cast(?3 as varchar),"
                            + " cast(?4 as varchar), ?5, cast(?6 as numeric), cast(?7 as numeric), ?8, ?9)")
                    .setParameter(1, rid.longValue()).setParameter(2, ++n)
                    .setParameter(3, d.agreement() == null ? null : left(d.agreement(), 20))
                    .setParameter(4, d.material() == null ? null : left(d.material(), 24))
                    .setParameter(5, d.kind().name())
                    .setParameter(6, d.ours() == null ? null : d.ours().toPlainString())
                    .setParameter(7, d.theirs() == null ? null : d.theirs().toPlainString())
                    .setParameter(8, d.reason()).setParameter(9, left(d.detail(), 300)).executeUpdate();
        }
        audit.record("STATEMENT_RECONCILED", "statement", s.number(), "reconciled against " + name + ": their total "
                + theirTotal.toPlainString() + ", ours " + s.total().plain() + ", " + differences.size() + " differences");
        return view(s, caller, true);
    }

    // ---- views and rules -------------------------------------------------------------------------

    private Statement visible(long id, Caller caller) {
        Statement s = em.find(Statement.class, id);
        if (s == null || !caller.jurisdiction().covers(s.division())) {
            throw new NotFoundException("statement", id);
        }
        return s;
    }

    private StatementView view(Statement s, Caller caller, boolean full) {
        Enterprise e = em.find(Enterprise.class, s.enterpriseId());
        Division d = em.find(Division.class, s.division().value());
        String adjusts = s.adjustsId() == null ? null : em.find(Statement.class, s.adjustsId()).number();
        LocalDate due = null;
        if (full && s.approvedAt() != null) { // lists show no due date: no query per row
            Number days = (Number) em.createNativeQuery("select coalesce(min(a.payment_days), 30) from agreement a"
                    + " join subsidy_statement_line l on l.agreement_id = a.id where l.statement_id = ?1")
                    .setParameter(1, s.kind() == StatementKind.ADJUSTMENT ? s.adjustsId() : s.id()).getSingleResult();
            due = s.approvedAt().atZone(CHINA).toLocalDate().plusDays(days.longValue());
        }
        return new StatementView(s.id(), s.number(), s.kind(), adjusts, e.id(), e.name(), e.creditCode(),
                s.division().value(), d.nameZh(), d.nameEn(), s.periodStart(), s.periodEnd(), s.status(),
                s.total().plain(), s.preparedBy(), s.preparedAt(), s.approvedBy(), s.approvedAt(), s.paymentRef(),
                s.paidOn(), due, s.note(), full ? lines(s) : List.of(), full ? reconciliation(s) : null,
                actions(s, caller), s.version());
    }

    /** What the viewer may do now: the screens offer these and only these. */
    static List<String> actions(Statement s, Caller caller) {
        List<String> actions = new ArrayList<>();
        if (caller.role() != Role.FINANCE) {
            return actions;
        }
        switch (s.status()) {
            case DRAFT -> {
                actions.add("reconcile");
                if (!caller.username().equals(s.preparedBy())) {
                    actions.add("approve");
                }
            }
            case APPROVED -> {
                actions.add("pay");
                actions.add("adjust");
            }
            case PAID -> actions.add("adjust");
        }
        return actions;
    }

    private List<StatementView.Line> lines(Statement s) {
        List<StatementView.Line> out = new ArrayList<>();
        for (Object[] r : em.createQuery("select l.lineNo, l.kind, a.number, al.lineNo, l.materialCode, m.nameZh,"
                + " m.nameEn, m.unitZh, m.unitEn, l.basis, l.rate, l.amount, l.explanation from StatementLine l"
                + " left join Agreement a on a.id = l.agreementId left join AgreementLine al on al.id = l.agreementLineId"
                + " left join Material m on m.code = l.materialCode where l.statementId = :s order by l.lineNo",
                Object[].class).setParameter("s", s.id()).getResultList()) {
            out.add(new StatementView.Line((Integer) r[0], (LineKind) r[1], (String) r[2], (Integer) r[3],
                    (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8],
                    plain((BigDecimal) r[9]), plain((BigDecimal) r[10]), ((BigDecimal) r[11]).toPlainString(),
                    (String) r[12]));
        }
        return out;
    }

    private StatementView.Reconciliation reconciliation(Statement s) {
        List<?> latest = em.createNativeQuery("select id, file_name, their_total, differences, reconciled_by,"
                + " reconciled_at from statement_reconciliation where statement_id = ?1 order by id desc limit 1")
                .setParameter(1, s.id()).getResultList();
        if (latest.isEmpty()) {
            return null;
        }
        Object[] r = (Object[]) latest.get(0);
        List<StatementView.Difference> differences = new ArrayList<>();
        for (Object o : em.createNativeQuery("select line_no, agreement_number, material_code, kind, ours, theirs,"
                + " reason, detail from statement_difference where reconciliation_id = ?1 order by line_no")
                .setParameter(1, ((Number) r[0]).longValue()).getResultList()) {
            Object[] d = (Object[]) o;
            differences.add(new StatementView.Difference(((Number) d[0]).intValue(), (String) d[1], (String) d[2],
                    LineKind.valueOf((String) d[3]), d[4] == null ? null : ((BigDecimal) d[4]).toPlainString(),
                    d[5] == null ? null : ((BigDecimal) d[5]).toPlainString(), (String) d[6], (String) d[7]));
        }
        return new StatementView.Reconciliation((String) r[1], ((BigDecimal) r[2]).toPlainString(), s.total().plain(),
                ((Number) r[3]).intValue(), (String) r[4], instant(r[5]), differences);
    }

    private static java.time.Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof java.time.Instant i ? i : null;
    }

    private static String cell(ImportRow r, String key) {
        String v = r.cells().get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static LineKind kind(String text) {
        LineKind k = KIND_WORDS.get(text);
        return k != null ? k : LineKind.valueOf(text.toUpperCase(Locale.ROOT));
    }

    /** A signed amount of at most two decimals ("-120.50"). */
    static BigDecimal signed(String field, String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.required(field, null);
        }
        String t = text.strip().replace(",", "");
        if (!t.matches("[+-]?[0-9]{1,14}(\\.[0-9]{1,2})?")) {
            throw new InvalidInputException(field, "must be an amount in yuan with at most 2 decimals, such as -120.50",
                    "amount");
        }
        return new BigDecimal(t).setScale(2);
    }

    private static String reference(String text) {
        return org.reliefchain.finance.FormInput.text("reference", text, 60, true);
    }

    private static String left(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().scale() < 0 ? v.setScale(0).toPlainString() : v.stripTrailingZeros().toPlainString();
    }

    private LocalDate today() {
        return clock.now().atZone(CHINA).toLocalDate();
    }
}
