/**
 * The stock ledger (库存台账): lots, an append-only ledger of movements, and the balances it keeps.
 * A movement and its balance change commit together; a balance never goes below zero; a retried
 * request (same idempotency key) is applied once. Corrections are reversals, never edits.
 */
package org.reliefchain.stock;
