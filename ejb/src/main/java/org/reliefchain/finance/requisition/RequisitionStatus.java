package org.reliefchain.finance.requisition;

/**
 * ISSUED while items are held; RETURNED once every item is settled (returned, consumed or lost); COMPUTED
 * when the compensation is worked out; APPROVED by a finance user other than the one who computed it (the
 * payable is booked); PAID once the bank's payment is recorded.
 */
public enum RequisitionStatus { ISSUED, RETURNED, COMPUTED, APPROVED, PAID }
