/**
 * Write-offs (核销): a loss signed off up a chain of finance users whose length depends on the amount,
 * final once the required level signs, and then recorded in a hash chain that shows any later change.
 */
package org.reliefchain.finance.writeoff;
