package org.reliefchain.web.api;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.reliefchain.dispatch.ReliefPlanService;
import org.reliefchain.dispatch.PlanView;
import org.reliefchain.incident.AffectedEntry;
import org.reliefchain.incident.AffectedService;
import org.reliefchain.incident.AffectedView;
import org.reliefchain.incident.DemandService;
import org.reliefchain.incident.DemandView;
import org.reliefchain.incident.IncidentChange;
import org.reliefchain.incident.IncidentEvent;
import org.reliefchain.incident.IncidentForm;
import org.reliefchain.incident.IncidentService;
import org.reliefchain.incident.IncidentStatus;
import org.reliefchain.incident.IncidentView;
import org.reliefchain.incident.StatusChange;
import org.reliefchain.incident.SupplyView;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;

/** Incidents (灾害事件): declaring and running them, hazards, affected people, demand and supply. */
@Path("incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class IncidentResource {

    @Inject
    private IncidentService incidents;

    @Inject
    private AffectedService affected;

    @Inject
    private DemandService demand;

    @Inject
    private ReliefPlanService plans;

    /** An override of one demand line. */
    public record OverrideForm(String division, String material, BigDecimal quantity, String reason) {
    }

    /** An estimate of affected people from population. */
    public record EstimateForm(String division, Double share, Double relocatedShare) {
    }

    @POST
    @Operation(summary = "Declare an incident (DISPATCHER, ADMIN); deadline defaults to startedAt + 10 h;"
            + " it belongs to the lowest division containing every affected one")
    public Response declare(IncidentForm form) {
        IncidentView created = incidents.declare(form);
        return Response.created(URI.create("incidents/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "Incidents you run or that touch your jurisdiction, newest first")
    public Page<IncidentView> list(@QueryParam("status") String status, @QueryParam("page") Integer page,
                                   @QueryParam("size") Integer size) {
        return incidents.list(status(status), PageRequest.of(page, size));
    }

    @GET
    @Path("{id}")
    public IncidentView get(@PathParam("id") long id) {
        return incidents.get(id);
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Change name, response level, deadline, demand days or affected divisions; reason and"
            + " version required")
    public IncidentView change(@PathParam("id") long id, IncidentChange change) {
        return incidents.change(id, change);
    }

    @POST
    @Path("{id}/status")
    @Operation(summary = "Move along DECLARED -> RESPONDING -> RECOVERY -> CLOSED, with a reason")
    public IncidentView status(@PathParam("id") long id, StatusChange change) {
        return incidents.moveTo(id, change);
    }

    @POST
    @Path("{id}/plans")
    @Operation(summary = "Start a relief plan (DISPATCHER, ADMIN who run the incident): made from the database now"
            + " (demand, usable stock and available fleet of your jurisdiction, hazards), solved in the background for"
            + " `seconds` (default 60, 5-3600; or a fixed number of search `steps`); `transshipment`: false plans without"
            + " transfers from warehouses to ports and air bases (boats and helicopters stay out); 201 with the plan, QUEUED")
    public Response startPlan(@PathParam("id") long id, ReliefPlanService.StartForm form) {
        PlanView plan = plans.start(id, form);
        return Response.created(URI.create("plans/" + plan.id())).entity(plan).build();
    }

    @GET
    @Path("{id}/plans")
    @Operation(summary = "The incident's relief plans, newest first")
    public List<PlanView> plans(@PathParam("id") long id) {
        return plans.list(id);
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "The incident's history: who changed what, when and why")
    public List<IncidentEvent.View> history(@PathParam("id") long id) {
        return incidents.history(id);
    }

    @GET
    @Path("{id}/hazards")
    @Produces({"application/geo+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "Hazards as a GeoJSON FeatureCollection (properties: hazard, cause, name, radius, validFrom,"
            + " validUntil) with a foreign member revision: the number a save must send back (0 before the first save)")
    public String hazards(@PathParam("id") long id) {
        return incidents.hazards(id);
    }

    @GET
    @Path("{id}/hazards/revisions")
    @Operation(summary = "Every saved hazard collection of the incident, newest first: revision, savedBy, savedAt, hazards")
    public List<org.reliefchain.incident.HazardRevisions.Revision> hazardRevisions(@PathParam("id") long id) {
        return incidents.hazardRevisions(id);
    }

    @GET
    @Path("{id}/hazards/revisions/{revision}")
    @Produces({"application/geo+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "One saved hazard collection, as it was saved")
    public String hazardRevision(@PathParam("id") long id, @PathParam("revision") int revision) {
        return incidents.hazardRevision(id, revision);
    }

    @PUT
    @Path("{id}/hazards")
    @Consumes({"application/geo+json", MediaType.APPLICATION_JSON})
    @Produces({"application/geo+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "Replace the hazards. The collection carries revision, as read: without it 400 naming"
            + " revision; when someone saved since, 409 stale-version naming who and when, nothing written. A bad"
            + " feature is 400 naming features[i] and the reason. Answers the saved collection with its new revision")
    public String replaceHazards(@PathParam("id") long id, String featureCollection) {
        return incidents.replaceHazards(id, featureCollection);
    }

    @POST
    @Path("{id}/affected")
    @Operation(summary = "Report affected people: one report (an object) or several (an array), all or none"
            + " (append-only; the latest counts)")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @org.eclipse.microprofile.openapi
            .annotations.media.Content(schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(
            implementation = AffectedEntry.class)))
    public Response report(@PathParam("id") long id, String body) {
        return Response.status(Response.Status.CREATED).entity(affected.report(id, entries(body))).build();
    }

    /** One report or an array of them. */
    private static List<AffectedEntry> entries(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "send a report or an array of reports");
        }
        try (Jsonb jsonb = JsonbBuilder.create()) {
            if (body.trim().startsWith("[")) {
                return jsonb.fromJson(body, new java.util.ArrayList<AffectedEntry>() { }.getClass().getGenericSuperclass());
            }
            return List.of(jsonb.fromJson(body, AffectedEntry.class));
        } catch (Exception e) {
            if (e instanceof InvalidInputException i) {
                throw i;
            }
            throw new InvalidInputException("body", "is not a report or an array of reports: each has division,"
                    + " people, relocated, under3, over65, pregnant, cutOff, source, reportedAt, note");
        }
    }

    @POST
    @Path("{id}/affected/import")
    @Consumes({"text/csv", StockImportResource.XLSX})
    @Operation(summary = "Affected people from a CSV (UTF-8 or GBK) or XLSX file with a header row: division, people and"
            + " optionally relocated, under3, over65, pregnant, cutOff, reportedAt, note (or 区划代码, 受灾人数, 转移人数,"
            + " 3岁以下, 65岁以上, 孕妇, 交通中断, 报告时间, 备注). dryRun=true checks every row and writes nothing (200 with"
            + " the bad rows); otherwise all rows are recorded in one transaction, or none (400 listing every bad row)")
    public org.reliefchain.stock.imports.ImportResult importAffected(@PathParam("id") long id, byte[] content,
            @jakarta.ws.rs.HeaderParam("Content-Type") String contentType, @QueryParam("dryRun") boolean dryRun) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "is empty");
        }
        return Imports.answer(affected.importReports(id, content, Imports.isXlsx(contentType), dryRun));
    }

    @GET
    @Path("{id}/affected/import/template")
    @Produces({StockImportResource.XLSX, "text/csv"})
    @Operation(summary = "The file to fill in for an affected people import (the same for every incident you may"
            + " see)." + Imports.TEMPLATE_SUMMARY)
    public Response affectedTemplate(@PathParam("id") long id, @QueryParam("format") String format,
                                     @QueryParam("lang") String lang) {
        incidents.get(id);
        return Imports.template(AffectedService.LAYOUT, format, lang);
    }

    @GET
    @Path("{id}/affected")
    @Operation(summary = "The current figure of every demand point you may see")
    public List<AffectedView> affected(@PathParam("id") long id) {
        return affected.current(id);
    }

    @GET
    @Path("{id}/affected/{division}")
    @Operation(summary = "Every report of one demand point, newest first")
    public List<AffectedView> affectedHistory(@PathParam("id") long id, @PathParam("division") String division) {
        return affected.history(id, division);
    }

    @POST
    @Path("{id}/estimate")
    @Operation(summary = "Estimate affected people in the villages of a division from population x share"
            + " (synthetic village populations; villages with reports keep them)")
    public EstimateResult estimate(@PathParam("id") long id, EstimateForm form) {
        if (form == null || form.share() == null) {
            throw new InvalidInputException("share", "is required");
        }
        return new EstimateResult(affected.estimate(id, form.division(), form.share(),
                form.relocatedShare() == null ? 0 : form.relocatedShare()));
    }

    /** How many villages got an estimate. */
    public record EstimateResult(int villages) {
    }

    @GET
    @Path("{id}/demand")
    @Operation(summary = "Demand lines (people x standard x days, rounded up), by priority; filter by division and material")
    public Page<DemandView> demand(@PathParam("id") long id, @QueryParam("division") String division,
                                   @QueryParam("material") String material, @QueryParam("page") Integer page,
                                   @QueryParam("size") Integer size) {
        return demand.demand(id, division, material, PageRequest.of(page, size));
    }

    @POST
    @Path("{id}/demand/override")
    @Operation(summary = "Set a dispatcher's figure for one demand line, with a reason (the computed one stays visible)")
    public DemandView override(@PathParam("id") long id, OverrideForm form) {
        if (form == null) {
            throw new InvalidInputException("body", "is required");
        }
        return demand.override(id, form.division(), form.material(), form.quantity(), form.reason());
    }

    @GET
    @Path("{id}/supply")
    @Operation(summary = "Demand against usable (not expired) stock you may draw on, by material and by county")
    public SupplyView supply(@PathParam("id") long id) {
        return demand.supply(id);
    }

    private static IncidentStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return IncidentStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "must be one of DECLARED, RESPONDING, RECOVERY, CLOSED");
        }
    }
}
