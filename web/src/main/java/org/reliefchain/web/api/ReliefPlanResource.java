package org.reliefchain.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.reliefchain.dispatch.ReliefPlanService;
import org.reliefchain.dispatch.PlanSolution;
import org.reliefchain.dispatch.PlanView;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;

/** Relief plans (救援调度方案) of incidents: progress, result, map, stop, approval, revision. Started from the incident. */
@Path("plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ReliefPlanResource {

    @Inject
    private ReliefPlanService plans;

    /** Approval names the version of the plan the dispatcher reviewed (optional). */
    public record ApproveForm(Long version) {
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A plan: status (QUEUED, SOLVING, DONE, STOPPED, INTERRUPTED, FAILED, APPROVED, REVISED), affectedPeople,"
            + " peopleInTime (reached within the deadline), bound, fleetBound, scarcityBound (stock and fleet together; both null until computed, just after the first plan),"
            + " scarcityLimit (the material whose stock sets it, null when the fleet's capacity does), elapsedSeconds, progress [[s, people]]")
    public PlanView get(@PathParam("id") long id) {
        return plans.get(id);
    }

    @GET
    @Path("{id}/solution")
    @Operation(summary = "The plan's trips (vehicle, base, stops in order with arrival and loads) and points")
    public PlanSolution solution(@PathParam("id") long id) {
        return plans.solution(id);
    }

    @GET
    @Path("{id}/routes")
    @Produces({"application/geo+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "The plan as GeoJSON: a LineString per trip (mode, vehicle, base), a Point per demand point"
            + " with status IN_TIME, LATE, PARTLY or UNSERVED and the reason")
    public String routes(@PathParam("id") long id) {
        return plans.routes(id);
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "Per demand point: status, arrival, what is missing and why (NO_MODE, NO_STOCK, DEADLINE,"
            + " NO_VEHICLE); unserved first; paged, filter by status")
    public Page<PlanSolution.PointResult> deliveries(@PathParam("id") long id, @QueryParam("status") String status,
                                                     @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return plans.deliveries(id, status, PageRequest.of(page, size));
    }

    @POST
    @Path("{id}/stop")
    @Operation(summary = "Stop a queued or solving plan; its best result so far is kept (STOPPED)")
    public PlanView stop(@PathParam("id") long id) {
        return plans.stop(id);
    }

    @GET
    @Path("{id}/revision")
    @Operation(summary = "For a revision not yet approved: what approving it would change: orders replaced, orders under"
            + " way that stay, new trips, and per warehouse and material the units held by the replaced orders against"
            + " those it loads (toIssue, toReturn); 404 for a plan that is not such a revision")
    public org.reliefchain.dispatch.RevisionChange revision(@PathParam("id") long id) {
        return plans.revisionChange(id).orElseThrow(() -> new org.reliefchain.platform.NotFoundException("revision of plan", id));
    }

    @POST
    @Path("{id}/revise")
    @Operation(summary = "Revise the approved plan being carried out ({\"seconds\":60}): a new plan from the situation"
            + " now, where what is delivered or on board stays as it is, vehicles on the road join again once back,"
            + " and the dispatch orders not yet loaded are solved again from what they were; 201 with the revision."
            + " Approving the revision replaces those orders and issues and returns only the difference")
    public Response revise(@PathParam("id") long id, ReliefPlanService.StartForm form, @Context UriInfo uri) {
        PlanView plan = plans.revise(id, form);
        return Response.created(uri.getBaseUriBuilder().path("plans").path(String.valueOf(plan.id())).build())
                .entity(plan).build();
    }

    @POST
    @Path("{id}/approve")
    @Operation(summary = "Approve a finished plan: one ISSUE movement per warehouse, material and lot, a dispatch order"
            + " per trip, vehicles ASSIGNED, emergency allocation orders for fast-track trips (fastTrackOrders),"
            + " in one transaction; 409 stock-moved naming warehouse, material and quantity when stock no"
            + " longer covers a load (nothing written); for a revision, 409 orders-moved-on when an order it replans"
            + " was loaded since, and the response counts the returns")
    public ReliefPlanService.ApprovalView approve(@PathParam("id") long id, ApproveForm form) {
        return plans.approve(id, form == null ? null : form.version());
    }
}
