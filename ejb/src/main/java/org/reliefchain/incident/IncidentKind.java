package org.reliefchain.incident;

/** 台风, 洪涝, 地震, 地质灾害, 森林火灾, 其他. */
public enum IncidentKind {
    TYPHOON, FLOOD, EARTHQUAKE, LANDSLIDE, FOREST_FIRE, OTHER
}
