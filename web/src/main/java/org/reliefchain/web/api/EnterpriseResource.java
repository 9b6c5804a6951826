package org.reliefchain.web.api;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.reliefchain.finance.enterprise.EnterpriseForm;
import org.reliefchain.finance.enterprise.EnterpriseImportService;
import org.reliefchain.finance.enterprise.EnterpriseService;
import org.reliefchain.finance.enterprise.EnterpriseStatus;
import org.reliefchain.finance.enterprise.EnterpriseView;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.stock.imports.ImportResult;

/** The registry of enterprises holding reserves under agreements (企业名录). */
@Path("enterprises")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class EnterpriseResource {

    @Inject
    private EnterpriseService enterprises;

    @Inject
    private EnterpriseImportService imports;

    @POST
    @Operation(summary = "Register an enterprise located in your jurisdiction (finance staff): name, creditCode (统一社会"
            + "信用代码, 18 characters; a wrong check character is a 400 naming creditCode) and division required;"
            + " contactName, contactPhone, bankName, bankAccount (8 to 34 digits) optional")
    public Response register(EnterpriseForm form) {
        EnterpriseView created = enterprises.register(form);
        return Response.created(URI.create("enterprises/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "The registry by name; text matches the name or the start of the credit code. The bank"
            + " account is shown in full to finance staff only, to others as its last four digits")
    public Page<EnterpriseView> list(@QueryParam("text") String text, @QueryParam("division") String division,
                                     @QueryParam("status") String status, @QueryParam("page") Integer page,
                                     @QueryParam("size") Integer size) {
        return enterprises.list(text, division, Params.enumValue("status", status, EnterpriseStatus.class),
                PageRequest.of(page, size));
    }

    @GET
    @Path("{id}")
    public EnterpriseView get(@PathParam("id") long id) {
        return enterprises.get(id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change the name, contacts, bank account or status (ACTIVE, SUSPENDED, CLOSED) with the"
            + " version read; fields left out keep their value")
    public EnterpriseView change(@PathParam("id") long id, EnterpriseForm form) {
        return enterprises.change(id, form);
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", StockImportResource.XLSX})
    @Operation(summary = "Register many enterprises from a CSV (UTF-8 or GBK) or XLSX file with a header row: name,"
            + " creditCode, division (its code, or its exact name when only one division has it) required;"
            + " contactName, contactPhone, bankName, bankAccount optional (or 企业名称, 统一社会信用代码, 所在区划, 联系人,"
            + " 联系电话, 开户银行, 银行账号; see the template). FINANCE or ADMIN, divisions inside the caller's"
            + " jurisdiction. dryRun=true checks every row and writes nothing (200 with the bad rows: wrong check"
            + " characters, codes registered already or twice in the file, divisions outside the jurisdiction);"
            + " otherwise all rows are registered in one transaction, or none (400 listing every bad row)")
    public ImportResult upload(byte[] content, @HeaderParam("Content-Type") String contentType,
                               @QueryParam("dryRun") boolean dryRun) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "is empty");
        }
        return Imports.answer(imports.importEnterprises(content, Imports.isXlsx(contentType), dryRun));
    }

    @GET
    @Path("import/template")
    @Produces({StockImportResource.XLSX, "text/csv"})
    @Operation(summary = "The file to fill in for an enterprise import." + Imports.TEMPLATE_SUMMARY)
    public Response importTemplate(@QueryParam("format") String format, @QueryParam("lang") String lang) {
        return Imports.template(EnterpriseImportService.LAYOUT, format, lang);
    }
}
