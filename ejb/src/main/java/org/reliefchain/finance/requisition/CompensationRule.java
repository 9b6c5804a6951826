package org.reliefchain.finance.requisition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.reliefchain.stock.Money;

/**
 * The published compensation rule (征用补偿标准), one item at a time, exact to the fen:
 * <ul>
 * <li>goods consumed in the relief: the quantity consumed at the unit market value when taken, rounded
 * half-up to the fen once per item; goods given back are owed nothing unless damaged;</li>
 * <li>vehicles and premises given back: the daily fee for every day held, counting the day taken and the day
 * given back (a truck taken and returned the same day is paid one day);</li>
 * <li>anything given back damaged: plus the repair cost assessed;</li>
 * <li>anything lost: its residual value as assessed (no usage fee beside it).</li>
 * </ul>
 */
public final class CompensationRule {

    private CompensationRule() {
    }

    /** Days held, both ends counted. */
    public static long daysHeld(LocalDate taken, LocalDate settled) {
        if (settled.isBefore(taken)) {
            throw new IllegalArgumentException("settled " + settled + " before taken " + taken);
        }
        return ChronoUnit.DAYS.between(taken, settled) + 1;
    }

    /** What one settled item earns its owner. */
    public static Money of(ItemKind kind, Outcome outcome, ReturnCondition condition, LocalDate taken,
                           LocalDate settled, BigDecimal unitValue, BigDecimal quantityConsumed, BigDecimal dailyFee,
                           BigDecimal repairCost, BigDecimal residualValue) {
        if (outcome == null) {
            throw new IllegalStateException("an item not yet settled earns nothing yet");
        }
        Money zero = Money.zero(Money.CNY);
        return switch (outcome) {
            case LOST -> Money.cny(residualValue);
            case CONSUMED -> {
                if (kind != ItemKind.GOODS) {
                    throw new IllegalStateException("only goods are consumed");
                }
                yield Money.rounded(quantityConsumed.multiply(unitValue), Money.CNY);
            }
            case RETURNED -> {
                Money use = kind == ItemKind.GOODS ? zero
                        : Money.cny(dailyFee.multiply(BigDecimal.valueOf(daysHeld(taken, settled)))
                        .setScale(2, RoundingMode.UNNECESSARY));
                yield condition == ReturnCondition.DAMAGED ? use.plus(Money.cny(repairCost)) : use;
            }
        };
    }
}
