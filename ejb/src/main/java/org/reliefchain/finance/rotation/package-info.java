/**
 * Rotation (轮换) of reserves before they expire: a plan per lot, approved by a warehouse manager and by
 * finance, carried out through the stock ledger; its loss is written off and, when an enterprise carries
 * the rotation, owed to that enterprise.
 */
package org.reliefchain.finance.rotation;
