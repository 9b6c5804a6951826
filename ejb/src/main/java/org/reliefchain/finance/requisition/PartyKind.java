package org.reliefchain.finance.requisition;

/** Whom goods, vehicles or premises are requisitioned from. */
public enum PartyKind {
    /** 企业: an enterprise already in the registry */
    ENTERPRISE,
    /** 其他组织: an organisation with a unified social credit code, registered as a payee when first met */
    ORGANISATION,
    /** 个人: a person, known by their resident ID number */
    PERSON
}
