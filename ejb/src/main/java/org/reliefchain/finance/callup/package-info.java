/**
 * Call-ups (调用) under reserve agreements: goods ordered at the agreement's price rule, received into a
 * government warehouse through the stock ledger, each receipt a payable to the enterprise in the journal;
 * capacity reserves as production orders with a promised schedule. Also the payables by enterprise.
 */
package org.reliefchain.finance.callup;
