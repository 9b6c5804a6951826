/**
 * Stock counts (盘点): open a count (snapshot of the warehouse's balances), enter what is on the shelf,
 * submit, and a second person approves; each variance becomes a COUNT_ADJUSTMENT movement.
 */
package org.reliefchain.stock.count;
