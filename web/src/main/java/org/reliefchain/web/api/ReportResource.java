package org.reliefchain.web.api;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Context;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.division.DivisionLevel;
import org.reliefchain.division.DivisionService;
import org.reliefchain.division.DivisionView;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.reports.ReportFormat;
import org.reliefchain.reports.ReportRenderer;
import org.reliefchain.reports.ReportTemplate;
import org.reliefchain.web.ui.Labels;

/** Printable documents. Chinese unless {@code lang=en}. */
@Path("reports")
@RequestScoped
public class ReportResource {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    private DivisionService divisions;

    @Inject
    private ReportRenderer renderer;

    @Context
    private SecurityContext security;

    @GET
    @Path("divisions.pdf")
    @Produces("application/pdf")
    @Operation(summary = "行政区划清单 as PDF: every division under root, down to depth (default VILLAGE)")
    public Response divisionsPdf(@QueryParam("root") String root, @QueryParam("depth") String depth,
                                 @QueryParam("lang") String lang) {
        return divisionList(root, depth, lang, ReportFormat.PDF);
    }

    @GET
    @Path("divisions.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "行政区划清单 as XLSX")
    public Response divisionsXlsx(@QueryParam("root") String root, @QueryParam("depth") String depth,
                                  @QueryParam("lang") String lang) {
        return divisionList(root, depth, lang, ReportFormat.XLSX);
    }

    private Response divisionList(String root, String depth, String lang, ReportFormat format) {
        if (root == null || root.isBlank()) {
            throw new InvalidInputException("root", "is required: the division code at the top of the list");
        }
        DivisionCode rootCode = DivisionCode.parse("root", root.trim());
        DivisionLevel deepest = depth == null || depth.isBlank() ? DivisionLevel.VILLAGE : Params.level("depth", depth);
        Locale locale = Params.locale(lang);
        boolean english = locale == Locale.ENGLISH;
        List<DivisionView> rows = divisions.subtree(rootCode, deepest);
        DivisionView top = rows.get(0);
        Map<String, Object> params = new HashMap<>();
        params.put("rootCode", top.code());
        params.put("rootName", english ? top.nameEn() : top.nameZh());
        params.put("generatedAt", ZonedDateTime.now(CHINA).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        params.put("generatedBy", security.getUserPrincipal().getName());
        int topDepth = top.level().ordinal();
        List<Map<String, ?>> data = rows.stream().<Map<String, ?>>map(d -> {
            Map<String, Object> row = new LinkedHashMap<>();
            int indent = d.level().ordinal() - topDepth;
            row.put("code", d.code());
            row.put("name", "\u3000".repeat(indent) + (english ? d.nameEn() : d.nameZh()));
            row.put("level", Labels.level(d.level(), locale));
            row.put("depth", indent);
            row.put("population", d.population());
            row.put("children", d.childCount());
            return row;
        }).toList();
        byte[] document = renderer.render(ReportTemplate.DIVISIONS, params, data, locale, format);
        String file = "divisions-" + top.code() + "." + format.extension();
        return Response.ok(document, format.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }
}
