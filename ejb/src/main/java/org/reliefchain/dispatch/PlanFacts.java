package org.reliefchain.dispatch;

import java.io.Serializable;

/**
 * What a plan was made from, as numbers, for pages to say in the user's language (the API's
 * {@code summary} says it in English): points and people, points no road reaches, deliveries, warehouses
 * with stock and trucks, hubs fed by transfer, the fleet by mode, and the hazards planned around;
 * {@code fastTrackBases} of the jurisdiction's truck bases fed by emergency fast-track from
 * {@code fastTrackSources} warehouses outside it.
 */
public record PlanFacts(int points, long people, int unreachableByRoad, int deliveries, int warehouses, int hubs,
                        int trucks, int boats, int helicopters, int roadBlocks, int laneClosures, int noFlyAreas,
                        boolean syntheticRoads, int fastTrackBases, int fastTrackSources) implements Serializable {
}
