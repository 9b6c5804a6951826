package org.reliefchain.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.reliefchain.cluster.ClusterService;
import org.reliefchain.cluster.ClusterView;

@Path("cluster")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ClusterResource {

    @Inject
    private ClusterService cluster;

    @GET
    @Operation(summary = "The application servers serving together (config/bin/run.sh --instances N) and the one that"
            + " answered; administrators only")
    public ClusterView cluster() {
        return cluster.view();
    }
}
