package org.reliefchain.finance.requisition;

/** 物资, 车辆, 场地. */
public enum ItemKind { GOODS, VEHICLE, PREMISES }
