/**
 * Bulk opening balances and receipts from CSV or XLSX: every row is checked first; a dry run (or any
 * bad row) writes nothing and lists each bad row with its field and reason; otherwise all rows are
 * received in one transaction. Re-sending the same file changes nothing (row keys are idempotency keys).
 */
package org.reliefchain.stock.imports;
