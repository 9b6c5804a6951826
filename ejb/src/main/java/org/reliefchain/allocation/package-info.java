/**
 * Allocation orders (调拨单): a warehouse asks another for materials; a manager whose jurisdiction
 * contains both ends approves (two counties of one city: the city; across cities: the province); the
 * source ships by first-expiry-first-out (TRANSFER_OUT) and the destination receives (TRANSFER_IN),
 * recording shortage and damage. An order for a declared emergency may ship before approval, which
 * must then follow within 24 hours.
 */
package org.reliefchain.allocation;
