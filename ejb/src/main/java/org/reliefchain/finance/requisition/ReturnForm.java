package org.reliefchain.finance.requisition;

import java.time.LocalDate;

/**
 * What became of one item (line): RETURNED with its condition (GOOD, or DAMAGED with the repair cost),
 * CONSUMED in the relief (goods: the quantity consumed; the rest goes back in good condition), or LOST with
 * its residual value; and the day (today when left out).
 */
public record ReturnForm(Integer line, Outcome outcome, ReturnCondition condition, LocalDate on,
                         String quantityConsumed, String repairCost, String residualValue) {
}
