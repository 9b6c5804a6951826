package org.reliefchain.planner.model;

/**
 * Travel between locations for one way of travelling (a mode with a vehicle profile): time in the
 * problem's time unit and distance in metres (or instance units). Precomputed, so the solver never
 * routes while it searches. {@link #UNREACHABLE} marks pairs with no path.
 */
public final class TravelMatrix {

    /** Time or distance of a pair that cannot be travelled; large, but summing a few cannot overflow. */
    public static final long UNREACHABLE = Long.MAX_VALUE / 1024;

    /**
     * Travel that depends on when one leaves, for ways closed for a while (sea lanes in a storm): the
     * time from {@code departure} to arrival, any wait for a way to open included. It must never be
     * less than the matrix's own time for the pair (that time is the best case, which bounds and
     * nearby selection rely on), and leaving later must never arrive earlier.
     */
    @FunctionalInterface
    public interface Timed {
        long time(int from, int to, long departure);
    }

    private final String name;
    private final int size;
    private final long[] time;
    private final long[] distance;
    private final Timed timed;

    public TravelMatrix(String name, int size, long[] time, long[] distance) {
        this(name, size, time, distance, null);
    }

    /**
     * @param time  the best case per pair, over every departure time
     * @param timed the time for a given departure; {@code null} when travel does not depend on it
     */
    public TravelMatrix(String name, int size, long[] time, long[] distance, Timed timed) {
        if (time.length != size * size || distance.length != size * size) {
            throw new IllegalArgumentException("a " + size + " x " + size + " matrix needs " + size * size + " cells");
        }
        this.name = name;
        this.size = size;
        this.time = time;
        this.distance = distance;
        this.timed = timed;
    }

    /** The best case: leaving whenever suits. A lower bound on {@link #time(Location, Location, long)}. */
    public long time(Location from, Location to) {
        return time[from.index() * size + to.index()];
    }

    /** Leaving at {@code departure}: the time until arrival, waits for a closed way to open included. */
    public long time(Location from, Location to, long departure) {
        if (timed == null || departure >= UNREACHABLE) {
            return time(from, to);
        }
        return Math.min(UNREACHABLE, timed.time(from.index(), to.index(), departure));
    }

    /** Whether travel depends on when one leaves. */
    public boolean isTimed() {
        return timed != null;
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
