package org.reliefchain.web.api;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.reliefchain.finance.writeoff.ChainCheck;
import org.reliefchain.finance.writeoff.WriteOffForm;
import org.reliefchain.finance.writeoff.WriteOffService;
import org.reliefchain.finance.writeoff.WriteOffStatus;
import org.reliefchain.finance.writeoff.WriteOffView;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;

/** Write-offs (核销) and their sign-off chain. */
@Path("write-offs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class WriteOffResource {

    @Inject
    private WriteOffService writeOffs;

    @POST
    @Operation(summary = "Raise a write-off for a warehouse in your jurisdiction: warehouse (code), cause"
            + " (ROTATION_LOSS, DAMAGED, EXPIRED, LOST), description, amount (yuan). It is signed by finance from the"
            + " warehouse's county up to the level its amount requires (county up to 50,000, city up to 500,000,"
            + " province above; configurable)")
    public Response raise(WriteOffForm form) {
        WriteOffView created = writeOffs.raise(form);
        return Response.created(URI.create("write-offs/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "Write-offs of your jurisdiction, newest first")
    public Page<WriteOffView> list(@QueryParam("status") String status, @QueryParam("page") Integer page,
                                   @QueryParam("size") Integer size) {
        return writeOffs.list(Params.enumValue("status", status, WriteOffStatus.class), PageRequest.of(page, size));
    }

    @GET
    @Path("verify")
    @Operation(summary = "Check the chain of signed write-offs end to end: every record follows the one before it,"
            + " every hash matches its content, every content still matches the write-off in the database")
    public ChainCheck verify() {
        return writeOffs.verify();
    }

    @GET
    @Path("{id}")
    public WriteOffView get(@PathParam("id") long id) {
        return writeOffs.get(id);
    }

    @POST
    @Path("{id}/sign")
    @Operation(summary = "Sign at the next level: only the finance user of that level's division (409 wrong-level"
            + " otherwise), never whoever raised it or signed before (409 same-signer); the required level's"
            + " signature makes it final and records it in the hash chain")
    public WriteOffView sign(@PathParam("id") long id) {
        return writeOffs.sign(id);
    }

    @POST
    @Path("{id}/reject")
    @Operation(summary = "Reject a pending write-off: {\"reason\":\"...\"}")
    public WriteOffView reject(@PathParam("id") long id, AllocationResource.Rejection body) {
        return writeOffs.reject(id, body == null ? null : body.getReason());
    }
}
