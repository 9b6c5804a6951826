package org.reliefchain.allocation;

/** The life of an allocation order. */
public enum AllocationStatus { DRAFT, SUBMITTED, APPROVED, REJECTED, SHIPPED, RECEIVED, CLOSED, CANCELLED }
