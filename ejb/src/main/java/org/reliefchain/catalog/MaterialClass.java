package org.reliefchain.catalog;

/** The plan's three classes of relief material. */
public enum MaterialClass {
    /** 抢险救援保障 */
    RESCUE,
    /** 应急救援力量保障 */
    RESPONDER_SUPPORT,
    /** 受灾人员基本生活保障 */
    BASIC_LIVING
}
