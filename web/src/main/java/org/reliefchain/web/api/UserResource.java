package org.reliefchain.web.api;

import java.net.URI;

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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.security.NewUser;
import org.reliefchain.security.UserChange;
import org.reliefchain.security.UserService;
import org.reliefchain.security.UserView;

/** User administration (ADMIN only, within the administrator's jurisdiction). */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class UserResource {

    /** Body of a password reset (a bean, not a record: see {@link NewUser}). */
    public static class PasswordReset {
        private String password;

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    @Inject
    private UserService users;

    @GET
    @Operation(summary = "Users inside your jurisdiction; q matches user name or display name")
    public Page<UserView> list(@QueryParam("q") String q, @QueryParam("page") Integer page,
                               @QueryParam("size") Integer size) {
        return users.list(q, PageRequest.of(page, size));
    }

    @GET
    @Path("{username}")
    public UserView get(@PathParam("username") String username) {
        return users.get(username);
    }

    @POST
    @Operation(summary = "Create a user with a role and a jurisdiction (a division code inside yours)")
    public Response create(NewUser request) {
        UserView created = users.create(request);
        return Response.created(URI.create("users/" + created.username())).entity(created).build();
    }

    @PUT
    @Path("{username}")
    @Operation(summary = "Change role, jurisdiction or display name; send the version you read (409 when stale)")
    public UserView change(@PathParam("username") String username, UserChange change) {
        return users.change(username, change);
    }

    @POST
    @Path("{username}/disable")
    public UserView disable(@PathParam("username") String username) {
        return users.disable(username);
    }

    @POST
    @Path("{username}/enable")
    public UserView enable(@PathParam("username") String username) {
        return users.enable(username);
    }

    @POST
    @Path("{username}/unlock")
    @Operation(summary = "Lift the sign-in lock that wrong passwords put on a user name (after 5 wrong passwords in a"
            + " row a growing pause, after 10 a 15-minute lock); audited. ADMIN, users inside the jurisdiction")
    public UserView unlock(@PathParam("username") String username) {
        return users.unlockSignIn(username);
    }

    @POST
    @Path("{username}/password")
    public UserView resetPassword(@PathParam("username") String username, PasswordReset reset) {
        return users.resetPassword(username, reset == null ? null : reset.getPassword());
    }
}
