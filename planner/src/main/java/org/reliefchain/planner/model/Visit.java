package org.reliefchain.planner.model;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.InverseRelationShadowVariable;
import org.optaplanner.core.api.domain.variable.NextElementShadowVariable;
import org.optaplanner.core.api.domain.variable.PiggybackShadowVariable;
import org.optaplanner.core.api.domain.variable.PreviousElementShadowVariable;
import org.optaplanner.core.api.domain.variable.ShadowVariable;

/**
 * One delivery: a quantity of one material for one demand point. A point's demand is split into
 * several visits when one vehicle cannot carry it all, so deliveries can be split across vehicles
 * and trips. {@code people} is how many of the point's residents this delivery covers.
 *
 * <p>The schedule fields are computed by {@link ScheduleListener} whenever a vehicle's list changes.
 */
@PlanningEntity
public class Visit implements Placed {

    @PlanningId
    private String id;
    private DemandPoint point;
    private String material;
    private long quantity;
    private long weight;
    private long volume;
    private long people;
    private long serviceTime;
    private long readyTime;
    private long deadline;
    /** Time units per step of lateness cost (60 with seconds: each minute late counts). */
    private long latenessStep = 60;

    @InverseRelationShadowVariable(sourceVariableName = "visits")
    private Vehicle vehicle;
    @PreviousElementShadowVariable(sourceVariableName = "visits")
    private Visit previous;
    @NextElementShadowVariable(sourceVariableName = "visits")
    private Visit next;

    @ShadowVariable(variableListenerClass = ScheduleListener.class, sourceEntityClass = Vehicle.class,
            sourceVariableName = "visits")
    private Long arrival;
    /** Travel time from the stop before, including a trip back to the depot to reload. */
    @PiggybackShadowVariable(shadowVariableName = "arrival")
    private Long leg;
    @PiggybackShadowVariable(shadowVariableName = "arrival")
    private Integer trip;
    /** Load of the trip up to and including this delivery. */
    @PiggybackShadowVariable(shadowVariableName = "arrival")
    private Long tripWeight;
    @PiggybackShadowVariable(shadowVariableName = "arrival")
    private Long tripVolume;
    /** Distance of the trip from the depot up to this delivery. */
    @PiggybackShadowVariable(shadowVariableName = "arrival")
    private Long tripDistance;
    /** The vehicle goes back to its depot after this delivery (to reload, or for good). */
    @PiggybackShadowVariable(shadowVariableName = "arrival")
    private Boolean closesTrip;

    public Visit() {
    }

    public Visit(String id, DemandPoint point, String material, long quantity, long weight, long volume, long people,
                 long serviceTime, long readyTime, long deadline) {
        this.id = id;
        this.point = point;
        this.material = material;
        this.quantity = quantity;
        this.weight = weight;
        this.volume = volume;
        this.people = people;
        this.serviceTime = serviceTime;
        this.readyTime = readyTime;
        this.deadline = deadline;
    }

    @Override
    public Location location() {
        return point.location();
    }

    /** Made by a real vehicle (not left in the unassigned bucket, not yet unplaced). */
    public boolean isDelivered() {
        return vehicle != null && vehicle.isReal() && arrival != null;
    }

    public boolean isUnmet() {
        return vehicle == null || vehicle.isBucket();
    }

    public long departure() {
        return arrival + serviceTime;
    }

    /** When the vehicle is back at its depot, if it goes there straight after this delivery. */
    public long returnTime() {
        return Math.min(TravelMatrix.UNREACHABLE, departure() + wayHome());
    }

    /** Travel time from here back to the vehicle's depot, leaving after this delivery. */
    public long wayHome() {
        TravelMatrix m = vehicle.getTravel();
        return arrival == null ? m.time(location(), vehicle.location()) : m.time(location(), vehicle.location(), departure());
    }

    /** The whole trip's distance, out and back, if it ends with this delivery. */
    public long closedTripDistance() {
        return Math.min(TravelMatrix.UNREACHABLE, tripDistance + vehicle.getTravel().distance(location(), vehicle.location()));
    }

    public long lateness() {
        return arrival == null ? 0 : Math.max(0, arrival - deadline);
    }

    /** Lateness in steps, capped: past {@link #LATENESS_CAP} steps a delivery counts as if it never came. */
    public long latenessSteps() {
        long late = lateness();
        return late == 0 ? 0 : Math.min(LATENESS_CAP, (late + latenessStep - 1) / latenessStep);
    }

    /** Steps of lateness that cost as much as not delivering at all. */
    public static final long LATENESS_CAP = 1000;

    /** The point with what is now known of it (an area closed around it, say); inside a problem change only. */
    public void setPoint(DemandPoint point) {
        this.point = point;
    }

    /** A new quantity for this delivery, weight, volume and people covered scaled with it; inside a problem change only. */
    public void changeQuantity(long newQuantity) {
        if (quantity > 0) {
            weight = (long) Math.ceil(weight * (double) newQuantity / quantity);
            volume = (long) Math.ceil(volume * (double) newQuantity / quantity);
            people = Math.max(1, Math.round(people * (double) newQuantity / quantity));
        }
        quantity = newQuantity;
    }

    public Visit withLatenessStep(long step) {
        this.latenessStep = step;
        return this;
    }

    public String getId() { return id; }
    public DemandPoint getPoint() { return point; }
    public String getMaterial() { return material; }
    public long getQuantity() { return quantity; }
    public long getWeight() { return weight; }
    public long getVolume() { return volume; }
    public long getPeople() { return people; }
    public long getServiceTime() { return serviceTime; }
    public long getReadyTime() { return readyTime; }
    public long getDeadline() { return deadline; }
    public Vehicle getVehicle() { return vehicle; }
    public void setVehicle(Vehicle vehicle) { this.vehicle = vehicle; }
    public Visit getPrevious() { return previous; }
    public void setPrevious(Visit previous) { this.previous = previous; }
    public Visit getNext() { return next; }
    public void setNext(Visit next) { this.next = next; }
    public Long getArrival() { return arrival; }
    public void setArrival(Long arrival) { this.arrival = arrival; }
    public Long getLeg() { return leg; }
    public void setLeg(Long leg) { this.leg = leg; }
    public Integer getTrip() { return trip; }
    public void setTrip(Integer trip) { this.trip = trip; }
    public Long getTripWeight() { return tripWeight; }
    public void setTripWeight(Long tripWeight) { this.tripWeight = tripWeight; }
    public Long getTripVolume() { return tripVolume; }
    public void setTripVolume(Long tripVolume) { this.tripVolume = tripVolume; }
    public Long getTripDistance() { return tripDistance; }
    public void setTripDistance(Long tripDistance) { this.tripDistance = tripDistance; }
    public Boolean getClosesTrip() { return closesTrip; }
    public void setClosesTrip(Boolean closesTrip) { this.closesTrip = closesTrip; }

    @Override
    public String toString() {
        return id;
    }
}
