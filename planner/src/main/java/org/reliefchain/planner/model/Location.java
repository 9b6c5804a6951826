package org.reliefchain.planner.model;

/**
 * A point the plan travels between. {@code index} is its row and column in every travel matrix of
 * the problem; coordinates are WGS84 degrees (or plain x/y for benchmark instances).
 */
public record Location(int index, String name, double lon, double lat) {
}
