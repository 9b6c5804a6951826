/**
 * Subsidies (补贴): what each agreement earns in a period, the statements (补贴结算单) that itemise it per
 * enterprise, reconciliation against the enterprise's own statement, approval by two people, payment.
 */
package org.reliefchain.finance.subsidy;
