package org.reliefchain.finance.agreement;

import java.time.LocalDate;

/** Terminating an agreement: its last day of reserve and why. */
public record EndForm(LocalDate lastDay, String reason) {
}
