package org.reliefchain.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.reliefchain.audit.AuditQuery;
import org.reliefchain.audit.AuditService;
import org.reliefchain.audit.AuditView;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;

@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class AuditResource {

    @Inject
    private AuditService audit;

    @GET
    @Operation(summary = "The audit trail, newest first (ADMIN, AUDITOR); from/to are ISO-8601 instants")
    public Page<AuditView> list(@QueryParam("actor") String actor, @QueryParam("entityType") String entityType,
                                @QueryParam("entityId") String entityId, @QueryParam("from") String from,
                                @QueryParam("to") String to, @QueryParam("page") Integer page,
                                @QueryParam("size") Integer size) {
        return audit.list(new AuditQuery(actor, entityType, entityId, Params.instant("from", from),
                Params.instant("to", to)), PageRequest.of(page, size));
    }
}
