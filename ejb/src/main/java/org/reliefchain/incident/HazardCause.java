package org.reliefchain.incident;

/** 受淹, 塌方, 桥梁损毁, 管制, 大风 (sea lanes and flights closed by wind), 其他. */
public enum HazardCause {
    FLOODED, LANDSLIDE, BRIDGE_DOWN, CLOSED, WIND, OTHER
}
