/**
 * Requisition (征用) of goods, vehicles and premises from enterprises, organisations and persons during an
 * incident, their return (归还) and the compensation (征用补偿) owed for them, approved and paid like the
 * other payables of the finance journal.
 */
package org.reliefchain.finance.requisition;
