package org.reliefchain.finance.subsidy;

import java.time.LocalDate;

/** A payment made: the bank's reference (sending it again changes nothing) and the day paid. */
public record PaymentForm(String reference, LocalDate paidOn) {
}
