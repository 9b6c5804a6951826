/**
 * Finance of the reserves (issue 13): the enterprises that hold reserves for the government
 * ({@code enterprise}), their reserve agreements and inspections ({@code agreement}), the subsidy each
 * period earns, its statements, reconciliation, approval and payment ({@code subsidy}), and the
 * double-entry journal every approved figure is posted to ({@code journal}). Money is
 * {@link org.reliefchain.stock.Money}: CNY, two decimals, half-up where a rule rounds.
 */
package org.reliefchain.finance;
