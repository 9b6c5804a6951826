/**
 * The year's reserve spending (年度储备支出) by level and division: what each division's budget bore for
 * subsidies, call-up purchases, requisition compensation, rotation compensation and write-offs, read from the
 * finance journal and the signed write-offs so that it sums to the fen with them.
 */
package org.reliefchain.finance.spending;
