package org.reliefchain.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.reliefchain.home.HomeService;
import org.reliefchain.home.HomeView;
import org.reliefchain.security.UserService;
import org.reliefchain.security.UserView;

@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class MeResource {

    @Inject
    private UserService users;
    @Inject
    private HomeService home;

    @GET
    @Operation(summary = "The signed-in user: role and jurisdiction")
    public UserView me() {
        return users.me();
    }

    @GET
    @Path("home")
    @Operation(summary = "What waits for the signed-in user (work: a count and the page per queue, e.g."
            + " allocations.approve, counts.approve, lots.expired, plans.toApprove) and the headline figures of their"
            + " jurisdiction")
    public HomeView home() {
        return home.home();
    }
}
