package org.reliefchain.security;

/** What a user does; the names double as Jakarta Security groups and {@code @RolesAllowed} names. */
public enum Role {
    ADMIN, WAREHOUSE_MANAGER, DISPATCHER, FINANCE, AUDITOR;

    public static final String ADMIN_NAME = "ADMIN";
    public static final String AUDITOR_NAME = "AUDITOR";
}
