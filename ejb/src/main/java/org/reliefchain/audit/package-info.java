/**
 * The audit trail: one immutable record per state change, written in the same transaction as the
 * change (so there is never a change without its record, or a record of a change that rolled back).
 */
package org.reliefchain.audit;
