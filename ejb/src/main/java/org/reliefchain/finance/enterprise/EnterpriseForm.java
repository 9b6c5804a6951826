package org.reliefchain.finance.enterprise;

/**
 * Registering or changing an enterprise, as the client sent it. On a change, {@code version} is the
 * version the client read, and a null field keeps its value.
 */
public record EnterpriseForm(String name, String creditCode, String division, String contactName, String contactPhone,
                             String bankName, String bankAccount, EnterpriseStatus status, Long version) {
}
