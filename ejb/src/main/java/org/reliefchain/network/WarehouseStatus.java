package org.reliefchain.network;

/** An inactive warehouse takes no new movements; its history stays. */
public enum WarehouseStatus { ACTIVE, INACTIVE }
