package org.reliefchain.finance.subsidy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reliefchain.platform.InvalidInputException;

/** A statement period: a quarter ("2026-Q3") or a month ("2026-07"). */
public record Period(String name, LocalDate from, LocalDate to) {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

    public static Period parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.required(field, null);
        }
        String t = text.strip().toUpperCase();
        Matcher q = QUARTER.matcher(t);
        Matcher m = MONTH.matcher(t);
        Period p;
        if (q.matches()) {
            YearMonth first = YearMonth.of(Integer.parseInt(q.group(1)), (Integer.parseInt(q.group(2)) - 1) * 3 + 1);
            p = new Period(t, first.atDay(1), first.plusMonths(2).atEndOfMonth());
        } else if (m.matches()) {
            YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            p = new Period(t, month.atDay(1), month.atEndOfMonth());
        } else {
            throw new InvalidInputException(field, "must be a quarter such as 2026-Q3 or a month such as 2026-07",
                    "period");
        }
        if (p.from.getYear() < 2000 || p.from.getYear() > 2099) {
            throw new InvalidInputException(field, "must be between 2000 and 2099", "date-range", "2000", "2099");
        }
        return p;
    }
}
