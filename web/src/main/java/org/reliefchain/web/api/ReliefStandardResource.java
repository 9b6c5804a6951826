package org.reliefchain.web.api;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.reliefchain.incident.DemandService;
import org.reliefchain.incident.StandardLine;
import org.reliefchain.incident.StandardsView;
import org.reliefchain.platform.InvalidInputException;

/** Relief standards (救助标准): per person per day or once, per material, each with its source; versioned. */
@Path("relief-standards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ReliefStandardResource {

    @Inject
    private DemandService demand;

    /** A new version of the standards. */
    public record StandardsForm(List<StandardLine> lines, String note) {
    }

    @GET
    @Operation(summary = "The current relief standards and their version")
    public StandardsView get() {
        return demand.standards();
    }

    @PUT
    @Operation(summary = "Save the standards as a new version (province dispatchers and administrators); a note says why")
    public StandardsView save(StandardsForm form) {
        if (form == null) {
            throw new InvalidInputException("body", "is required");
        }
        return demand.saveStandards(form.lines(), form.note());
    }
}
