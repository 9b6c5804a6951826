package org.reliefchain.planner.model;

import java.util.ArrayList;
import java.util.List;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.PlanningListVariable;

/**
 * A truck, boat or helicopter and the deliveries it makes, in order. It starts at its home depot when
 * it becomes available, loads there, and goes back to reload when the next delivery does not fit
 * (up to {@code maxTrips} trips); it must be home again by {@code dutyEnd}.
 *
 * <p>One vehicle of a plan may be the <em>unassigned bucket</em>: deliveries in its list are not made.
 * It lets the solver leave demand unmet when nothing can reach it, and makes unmet demand a cost
 * instead of an infeasible plan.
 */
@PlanningEntity
public class Vehicle implements Placed {

    @PlanningId
    private String id;
    private Mode mode;
    private Depot home;
    private TravelMatrix travel;
    private long weightCapacity;
    private long volumeCapacity;
    private long availableFrom;
    private long dutyEnd;
    private int maxTrips;
    /** Time to load at the depot at the start of each trip (for helicopters: the sortie overhead). */
    private long loadTime;
    /** Longest distance of one trip, out and back; Long.MAX_VALUE when unlimited. */
    private long range;
    private boolean bucket;
    private boolean withdrawn;

    @PlanningListVariable(valueRangeProviderRefs = "visits")
    private List<Visit> visits = new ArrayList<>();

    public Vehicle() {
    }

    /** A vehicle of a benchmark or scenario; see the field comments for the units. */
    public Vehicle(String id, Mode mode, Depot home, TravelMatrix travel, long weightCapacity, long volumeCapacity,
                   long availableFrom, long dutyEnd, int maxTrips, long loadTime, long range) {
        this.id = id;
        this.mode = mode;
        this.home = home;
        this.travel = travel;
        this.weightCapacity = weightCapacity;
        this.volumeCapacity = volumeCapacity;
        this.availableFrom = availableFrom;
        this.dutyEnd = dutyEnd;
        this.maxTrips = maxTrips;
        this.loadTime = loadTime;
        this.range = range;
    }

    /** The list of deliveries nobody makes. */
    public static Vehicle bucket(Depot anywhere) {
        Vehicle v = new Vehicle("unassigned", null, anywhere, null, 0, 0, 0, 0, 0, 0, 0);
        v.bucket = true;
        return v;
    }

    /**
     * Takes the vehicle out of service from now on (a breakdown, called away): its duty ends before it
     * starts, so anything left on it breaks the duty constraint and the solver moves it elsewhere.
     * Inside a problem change only.
     */
    public void withdraw() {
        dutyEnd = availableFrom;
        withdrawn = true;
    }

    public boolean isWithdrawn() {
        return withdrawn;
    }

    public boolean isBucket() {
        return bucket;
    }

    /** A real vehicle: one that drives, flies or sails. */
    public boolean isReal() {
        return !bucket;
    }

    @Override
    public Location location() {
        return home.location();
    }

    public String getId() { return id; }
    public Mode getMode() { return mode; }
    public Depot getHome() { return home; }
    public TravelMatrix getTravel() { return travel; }
    public long getWeightCapacity() { return weightCapacity; }
    public long getVolumeCapacity() { return volumeCapacity; }
    public long getAvailableFrom() { return availableFrom; }
    public long getDutyEnd() { return dutyEnd; }
    public int getMaxTrips() { return maxTrips; }
    public long getLoadTime() { return loadTime; }
    public long getRange() { return range; }
    public List<Visit> getVisits() { return visits; }
    public void setVisits(List<Visit> visits) { this.visits = visits; }

    @Override
    public String toString() {
        return id;
    }
}
