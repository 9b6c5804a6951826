package org.reliefchain.planner.model;

/**
 * Travel between locations for one way of travelling (a mode with a vehicle profile): time in the
 * problem's time unit and distance in metres (or instance units). Precomputed, so the solver never
 * routes while it searches. {@link #UNREACHABLE} marks pairs with no path.
 */
public final class TravelMatrix {

    /** Time or distance of a pair that cannot be travelled; large, but summing a few cannot overflow. */
    public static final long UNREACHABLE = Long.MAX_VALUE / 1024;

    private final String name;
    private final int size;
    private final long[] time;
    private final long[] distance;

    public TravelMatrix(String name, int size, long[] time, long[] distance) {
        if (time.length != size * size || distance.length != size * size) {
            throw new IllegalArgumentException("a " + size + " x " + size + " matrix needs " + size * size + " cells");
        }
        this.name = name;
        this.size = size;
        this.time = time;
        this.distance = distance;
    }

    public long time(Location from, Location to) {
        return time[from.index() * size + to.index()];
    }

    public long distance(Location from, Location to) {
        return distance[from.index() * size + to.index()];
    }

    public boolean reachable(Location from, Location to) {
        return time(from, to) < UNREACHABLE;
    }

    public String name() {
        return name;
    }

    public int size() {
        return size;
    }

    @Override
    public String toString() {
        return name + " (" + size + " locations)";
    }
}
