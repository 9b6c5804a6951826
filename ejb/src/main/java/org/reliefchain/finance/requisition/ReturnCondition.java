package org.reliefchain.finance.requisition;

/** The condition an item is given back in: as taken, or damaged (with the repair cost owed). */
public enum ReturnCondition { GOOD, DAMAGED }
