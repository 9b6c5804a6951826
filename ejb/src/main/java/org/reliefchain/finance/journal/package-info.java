/**
 * The finance journal: append-only, double entry, every entry balanced (the database refuses one that
 * is not at commit, and refuses any change or removal). Approving a statement books the expense and
 * the payable to the enterprise; paying it clears the payable against the bank.
 */
package org.reliefchain.finance.journal;
