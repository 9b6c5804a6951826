package org.reliefchain.stock;

/** Where a lot came from. */
public enum LotSource { PURCHASE, DONATION, TRANSFER, AGREEMENT, REQUISITION }
