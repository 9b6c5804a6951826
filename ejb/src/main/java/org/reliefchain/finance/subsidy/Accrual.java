package org.reliefchain.finance.subsidy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.reliefchain.finance.agreement.FeeBasis;
import org.reliefchain.stock.Money;

/**
 * The subsidy one agreement earns in a period, line by line (pure: no database).
 *
 * <p>For each line, every day of the period that the agreement is in force counts the quantity held on
 * that day: as agreed until the first check, then what the latest check found (never more than agreed;
 * nothing if it failed quality). The storage fee is held unit-days times the yearly rate over 365 (for a
 * percent-of-value fee the rate is the unit value times the percentage); units short (or failed) cost
 * the penalty per unit per day. Goods in custody are known from the ledger day by day; units kept there past
 * their expiry date count as not held and cost the penalty as late rotation (轮换逾期). The management fee
 * is the yearly fee times the days in force over 365.
 * Each line's amount is its exact figure rounded half-up to the fen once, so the statement's total is the
 * sum of what it shows.
 */
public final class Accrual {

    static final BigDecimal DAYS_IN_YEAR = BigDecimal.valueOf(365);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * A check's finding on one line; {@code expired}: how many of the units counted were past their expiry date
     * (known from the ledger for goods in custody, zero for a check).
     */
    public record Found(LocalDate on, BigDecimal counted, boolean qualityOk, BigDecimal expired) {

        public Found(LocalDate on, BigDecimal counted, boolean qualityOk) {
            this(on, counted, qualityOk, BigDecimal.ZERO);
        }
    }

    /**
     * What the ledger held of a line's material at its entrusted warehouse from a day on, and how much of that
     * was in lots past their expiry date.
     */
    public record Holding(LocalDate on, BigDecimal balance, BigDecimal expired) {

        public Holding(LocalDate on, BigDecimal balance) {
            this(on, balance, BigDecimal.ZERO);
        }
    }

    /**
     * An agreement line with its checks; {@code ledger} is null for goods the enterprise owns (known only through
     * checks), and for government-owned goods in the enterprise's custody (代储) the balance day by day from an
     * opening one before the period: then the ledger says how much was held, and checks say only whether it
     * passed quality.
     */
    public record Line(long lineId, int lineNo, String material, BigDecimal quantity, BigDecimal feeRate,
                       BigDecimal unitValue, List<Found> checks, List<Holding> ledger) {

        public Line(long lineId, int lineNo, String material, BigDecimal quantity, BigDecimal feeRate,
                    BigDecimal unitValue, List<Found> checks) {
            this(lineId, lineNo, material, quantity, feeRate, unitValue, checks, null);
        }
    }

    public record Terms(long agreementId, String agreementNumber, FeeBasis feeBasis, BigDecimal managementFee,
                        BigDecimal penaltyPerUnitDay, LocalDate startsOn, LocalDate endsOn, List<Line> lines) {
    }

    /** One statement line: {@code basis} unit-days (or days) times {@code rate} gives {@code amount}. */
    public record Item(LineKind kind, long agreementId, String agreementNumber, Long lineId, String material,
                       BigDecimal basis, BigDecimal rate, Money amount, String explanation) {
    }

    private Accrual() {
    }

    /** The lines {@code terms} earns from {@code from} to {@code to}, both included; none if not in force. */
    public static List<Item> accrue(Terms terms, LocalDate from, LocalDate to) {
        LocalDate first = max(from, terms.startsOn());
        LocalDate last = min(to, terms.endsOn());
        List<Item> items = new ArrayList<>();
        if (last.isBefore(first)) {
            return items;
        }
        for (Line line : terms.lines()) {
            Held held = held(line, first, last);
            BigDecimal yearly = terms.feeBasis() == FeeBasis.PER_UNIT ? line.feeRate()
                    : line.unitValue().multiply(line.feeRate()).divide(HUNDRED, MathContext.DECIMAL128);
            items.add(new Item(LineKind.STORAGE_FEE, terms.agreementId(), terms.agreementNumber(), line.lineId(),
                    line.material(), held.unitDays, yearly,
                    fen(held.unitDays.multiply(yearly).divide(DAYS_IN_YEAR, MathContext.DECIMAL128)),
                    held.unitDays.toPlainString() + (line.ledger() == null ? " unit-days held x "
                            : " unit-days held in custody (ledger) x ") + yearly.stripTrailingZeros().toPlainString()
                            + " per unit per year / 365"));
            penalty(items, LineKind.SHORTFALL, terms, line, held.shortDays, " unit-days short x ");
            penalty(items, LineKind.LATE_ROTATION, terms, line, held.lateDays, " unit-days kept past expiry (not rotated) x ");
            penalty(items, LineKind.QUALITY, terms, line, held.failedDays, " unit-days failing quality x ");
        }
        if (terms.managementFee().signum() > 0) {
            BigDecimal days = BigDecimal.valueOf(ChronoUnit.DAYS.between(first, last) + 1);
            items.add(new Item(LineKind.MANAGEMENT_FEE, terms.agreementId(), terms.agreementNumber(), null, null, days,
                    terms.managementFee(), fen(days.multiply(terms.managementFee()).divide(DAYS_IN_YEAR,
                    MathContext.DECIMAL128)), days.toPlainString() + " days x " + plain(terms.managementFee())
                    + " management fee per year / 365"));
        }
        return items;
    }

    /** A deduction line: unit-days times the agreement's penalty per unit per day, negative; none for no days. */
    private static void penalty(List<Item> items, LineKind kind, Terms terms, Line line, BigDecimal unitDays,
                                String what) {
        if (unitDays.signum() > 0) {
            items.add(new Item(kind, terms.agreementId(), terms.agreementNumber(), line.lineId(), line.material(),
                    unitDays, terms.penaltyPerUnitDay(), fen(unitDays.multiply(terms.penaltyPerUnitDay()).negate()),
                    unitDays.toPlainString() + what + plain(terms.penaltyPerUnitDay()) + " penalty per unit per day"));
        }
    }

    private record Held(BigDecimal unitDays, BigDecimal shortDays, BigDecimal failedDays, BigDecimal lateDays) {
    }

    /** Unit-days held, short and failed from {@code first} to {@code last}, span by span between checks. */
    static Held held(Line line, LocalDate first, LocalDate last) {
        List<Found> checks = new ArrayList<>(line.ledger() == null ? line.checks() : fromLedger(line.ledger(), line.checks()));
        checks.sort(Comparator.comparing(Found::on)); // stable: of two checks on one day, the later recorded wins
        BigDecimal heldDays = BigDecimal.ZERO;
        BigDecimal shortDays = BigDecimal.ZERO;
        BigDecimal failedDays = BigDecimal.ZERO;
        BigDecimal lateDays = BigDecimal.ZERO;
        Found current = null;
        int next = 0;
        while (next < checks.size() && !checks.get(next).on().isAfter(first)) {
            current = checks.get(next++);
        }
        LocalDate spanStart = first;
        while (!spanStart.isAfter(last)) {
            LocalDate spanEnd = last;
            if (next < checks.size() && !checks.get(next).on().isAfter(last)) {
                spanEnd = checks.get(next).on().minusDays(1);
            }
            BigDecimal days = BigDecimal.valueOf(ChronoUnit.DAYS.between(spanStart, spanEnd) + 1);
            if (current == null) {
                heldDays = heldDays.add(line.quantity().multiply(days));
            } else if (!current.qualityOk()) {
                failedDays = failedDays.add(line.quantity().multiply(days));
            } else {
                // expired units are not held; those the line asks for are late rotation, the rest of the gap short
                BigDecimal expired = current.expired().max(BigDecimal.ZERO).min(current.counted());
                BigDecimal held = current.counted().subtract(expired).min(line.quantity());
                BigDecimal late = expired.min(line.quantity().subtract(held));
                heldDays = heldDays.add(held.multiply(days));
                lateDays = lateDays.add(late.multiply(days));
                shortDays = shortDays.add(line.quantity().subtract(held).subtract(late).multiply(days));
            }
            if (spanEnd.equals(last)) {
                break;
            }
            spanStart = spanEnd.plusDays(1);
            while (next < checks.size() && !checks.get(next).on().isAfter(spanStart)) {
                current = checks.get(next++);
            }
        }
        return new Held(heldDays, shortDays, failedDays, lateDays);
    }

    /**
     * Findings for goods in custody: on every day the balance or a check's verdict changed, the balance at the
     * end of that day with the latest check's quality (passed until a check says otherwise). Before the first
     * holding nothing was held.
     */
    static List<Found> fromLedger(List<Holding> ledger, List<Found> checks) {
        List<Holding> holdings = new ArrayList<>(ledger);
        holdings.sort(Comparator.comparing(Holding::on));
        List<Found> verdicts = new ArrayList<>(checks);
        verdicts.sort(Comparator.comparing(Found::on));
        java.util.TreeSet<LocalDate> days = new java.util.TreeSet<>();
        holdings.forEach(h -> days.add(h.on()));
        verdicts.forEach(v -> days.add(v.on()));
        List<Found> out = new ArrayList<>();
        BigDecimal balance = BigDecimal.ZERO;
        BigDecimal expired = BigDecimal.ZERO;
        boolean qualityOk = true;
        int h = 0;
        int v = 0;
        for (LocalDate day : days) {
            while (h < holdings.size() && !holdings.get(h).on().isAfter(day)) {
                balance = holdings.get(h).balance();
                expired = holdings.get(h++).expired();
            }
            while (v < verdicts.size() && !verdicts.get(v).on().isAfter(day)) {
                qualityOk = verdicts.get(v++).qualityOk();
            }
            out.add(new Found(day, balance, qualityOk, expired));
        }
        return out;
    }

    private static Money fen(BigDecimal exact) {
        return Money.rounded(exact, Money.CNY);
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** The total of {@code items}: the sum of their amounts, to the fen. */
    public static Money total(List<Item> items) {
        Money sum = Money.zero(Money.CNY);
        for (Item i : items) {
            sum = sum.plus(i.amount());
        }
        return sum;
    }
}
