package org.reliefchain.finance.agreement;

/** 定期检查 or 突击检查. */
public enum CheckKind {
    SCHEDULED, UNANNOUNCED
}
