package org.reliefchain.web.api;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.division.DivisionQuery;
import org.reliefchain.division.DivisionService;
import org.reliefchain.division.DivisionView;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;

@Path("divisions")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class DivisionResource {

    @Inject
    private DivisionService divisions;

    @GET
    @Operation(summary = "List divisions (行政区划)", description = "Filter by level, parent code and text (name in"
            + " Chinese or English, or a code prefix); ordered by code.")
    public Page<DivisionView> list(@QueryParam("level") @Parameter(description = "PROVINCE|CITY|COUNTY|TOWNSHIP|VILLAGE")
                                   String level,
                                   @QueryParam("parent") String parent,
                                   @QueryParam("q") String q,
                                   @QueryParam("page") Integer page,
                                   @QueryParam("size") Integer size) {
        DivisionQuery query = new DivisionQuery(Params.level("level", level),
                parent == null || parent.isBlank() ? null : DivisionCode.parse("parent", parent.trim()), q);
        return divisions.list(query, PageRequest.of(page, size));
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One division with its level, parent, population (where known), position and whether"
            + " that position is synthetic")
    public DivisionView get(@PathParam("code") String code) {
        return divisions.get(DivisionCode.parse("code", code));
    }

    @GET
    @Path("{code}/children")
    @Operation(summary = "The divisions directly below one division")
    public Page<DivisionView> children(@PathParam("code") String code, @QueryParam("page") Integer page,
                                       @QueryParam("size") Integer size) {
        return divisions.children(DivisionCode.parse("code", code), PageRequest.of(page, size));
    }

    @GET
    @Path("{code}/path")
    @Operation(summary = "The division and its ancestors, province first")
    public List<DivisionView> path(@PathParam("code") String code) {
        return divisions.path(DivisionCode.parse("code", code));
    }
}
