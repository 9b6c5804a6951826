package org.reliefchain.finance.writeoff;

/** A loss to write off: the warehouse (code), why, what, and the amount in yuan ("1234.50"). */
public record WriteOffForm(String warehouse, WriteOffCause cause, String description, String amount) {
}
