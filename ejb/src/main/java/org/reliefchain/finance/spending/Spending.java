package org.reliefchain.finance.spending;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reliefchain.division.DivisionLevel;

/**
 * Adds up spending amounts per division into rows, level subtotals and a total. Plain arithmetic on exact
 * amounts (nothing is rounded: every amount already has two decimals), kept apart from the queries so that
 * the sums can be tested on their own.
 */
final class Spending {

    /** A division as the report names it. */
    record Division(String code, String nameZh, String nameEn, DivisionLevel level) {
    }

    private final Map<String, Division> divisions = new LinkedHashMap<>();
    private final Map<String, Map<SpendingKind, BigDecimal>> byDivision = new LinkedHashMap<>();

    void add(Division division, SpendingKind kind, BigDecimal amount) {
        divisions.putIfAbsent(division.code(), division);
        byDivision.computeIfAbsent(division.code(), c -> zeros()).merge(kind, amount, BigDecimal::add);
    }

    SpendingReport report(int year, Division root) {
        List<SpendingReport.Row> rows = new ArrayList<>();
        Map<DivisionLevel, Map<SpendingKind, BigDecimal>> levels = new EnumMap<>(DivisionLevel.class);
        Map<SpendingKind, BigDecimal> total = zeros();
        byDivision.keySet().stream().sorted().forEach(code -> {
            Division d = divisions.get(code);
            Map<SpendingKind, BigDecimal> amounts = byDivision.get(code);
            rows.add(row(d.code(), d.nameZh(), d.nameEn(), d.level().name(), amounts));
            Map<SpendingKind, BigDecimal> level = levels.computeIfAbsent(d.level(), l -> zeros());
            amounts.forEach((k, v) -> {
                level.merge(k, v, BigDecimal::add);
                total.merge(k, v, BigDecimal::add);
            });
        });
        List<SpendingReport.Row> levelRows = new ArrayList<>();
        levels.forEach((level, amounts) -> levelRows.add(row(null, null, null, level.name(), amounts)));
        return new SpendingReport(year, root.code(), root.nameZh(), root.nameEn(), rows, levelRows,
                row(null, null, null, null, total));
    }

    private static SpendingReport.Row row(String code, String zh, String en, String level,
                                          Map<SpendingKind, BigDecimal> amounts) {
        Map<SpendingKind, String> text = new EnumMap<>(SpendingKind.class);
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (SpendingKind k : SpendingKind.values()) {
            BigDecimal v = amounts.get(k).setScale(2);
            text.put(k, v.toPlainString());
            sum = sum.add(v);
        }
        return new SpendingReport.Row(code, zh, en, level, text, sum.toPlainString());
    }

    private static Map<SpendingKind, BigDecimal> zeros() {
        Map<SpendingKind, BigDecimal> m = new EnumMap<>(SpendingKind.class);
        for (SpendingKind k : SpendingKind.values()) {
            m.put(k, BigDecimal.ZERO.setScale(2));
        }
        return m;
    }
}
