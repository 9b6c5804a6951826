package org.reliefchain.web.api;

import java.time.Year;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.plan.CompletionView;
import org.reliefchain.plan.PlanLineView;
import org.reliefchain.plan.PlanService;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;

/** Reserve plans (储备计划) and their completion. */
@Path("reserve-plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ReservePlanResource {

    /** Body of a target edit. */
    public static class TargetEdit {
        private String target;
        private Long version;

        public String getTarget() { return target; }
        public void setTarget(String target) { this.target = target; }
        public Long getVersion() { return version; }
        public void setVersion(Long version) { this.version = version; }
    }

    /** The answer to a computation. */
    public record Computed(int year, int planLines) {
    }

    @Inject
    private PlanService plans;

    @POST
    @Path("{year}/compute")
    @Operation(summary = "Compute the year's targets from the reserve standards for the warehouses in your"
            + " jurisdiction (hand-edited targets are kept)")
    public Computed compute(@PathParam("year") int year) {
        return new Computed(year, plans.compute(Params.year("year", year, year)));
    }

    @GET
    @Operation(summary = "Plan lines with usable stock on hand and completion; shortOnly=true is the shortfall list")
    public Page<PlanLineView> lines(@QueryParam("year") Integer year, @QueryParam("division") String division,
                                    @QueryParam("warehouse") String warehouse, @QueryParam("material") String material,
                                    @QueryParam("shortOnly") boolean shortOnly, @QueryParam("page") Integer page,
                                    @QueryParam("size") Integer size) {
        return plans.lines(year(year), division(division), warehouse, material, shortOnly, PageRequest.of(page, size));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Set one target by hand (send the version you read)")
    public PlanLineView edit(@PathParam("id") long id, TargetEdit edit) {
        if (edit == null) {
            throw new InvalidInputException("target", "is required");
        }
        return plans.edit(id, edit.getTarget(), edit.getVersion());
    }

    @GET
    @Path("completion")
    @Operation(summary = "Plan completion by level (by=level) or by the divisions below one (by=division)")
    public List<CompletionView> completion(@QueryParam("year") Integer year, @QueryParam("division") String division,
                                           @QueryParam("by") String by) {
        return plans.completion(year(year), division(division), Params.byLevel(by));
    }

    private static int year(Integer year) {
        return Params.year("year", year, Year.now(ZoneId.of("Asia/Shanghai")).getValue());
    }

    private static DivisionCode division(String division) {
        return Params.division("division", division);
    }
}
