package org.reliefchain.planner.scenario;

import java.util.Set;

/**
 * What the planner knows of Zhejiang's terrain beyond the division data, in one place: the road
 * generator, the typhoon scenario and the landing-point rule all read it.
 */
public final class ZhejiangGeography {

    /** Counties where roads are slow (mountain counties of Lishui, Quzhou, Wenzhou and Hangzhou). */
    public static final Set<String> MOUNTAIN_COUNTIES = Set.of("330112", "330122", "330127", "330324", "330328",
            "330329", "330825", "330881", "331102", "331121", "331122", "331123", "331124", "331125", "331126",
            "331127", "331181");
    /** Counties on islands. */
    public static final Set<String> ISLAND_COUNTIES = Set.of("330902", "330903", "330921", "330922", "330305",
            "331083");
    /** Real fixed links between an island county and a neighbour (bridges, causeways). */
    public static final Set<String> FIXED_LINKS = Set.of("330902-330206", "330903-330902", "330921-330902",
            "330305-330303", "331083-331081");
    /** Island counties with no fixed link to the mainland: boats and helicopters only (the Shengsi islands). */
    public static final Set<String> NO_FIXED_LINK = Set.of("330922");

    private ZhejiangGeography() {
    }
}
