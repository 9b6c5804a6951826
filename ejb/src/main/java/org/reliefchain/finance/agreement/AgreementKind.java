package org.reliefchain.finance.agreement;

/** What an agreement reserves. */
public enum AgreementKind {
    /** 代储: government-owned goods in the enterprise's custody. */
    CUSTODY,
    /** 企业协议储备: the enterprise's own goods, reserved for call-up. */
    ENTERPRISE_STOCK,
    /** 产能储备: production capacity, a quantity within so many hours of a call-up and then per day. */
    CAPACITY
}
