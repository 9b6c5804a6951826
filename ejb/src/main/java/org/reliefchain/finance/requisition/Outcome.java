package org.reliefchain.finance.requisition;

/** What became of a requisitioned item: given back, consumed in the relief (goods only), or lost. */
public enum Outcome { RETURNED, CONSUMED, LOST }
