/** Payables by enterprise (应付款明细), read from the journal's PAYABLE postings. */
package org.reliefchain.finance.payable;
