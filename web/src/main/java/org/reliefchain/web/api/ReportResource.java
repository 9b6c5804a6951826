package org.reliefchain.web.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import jakarta.ws.rs.PathParam;
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
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.security.UserService;
import org.reliefchain.stock.BalanceQuery;
import org.reliefchain.stock.BalanceView;
import org.reliefchain.stock.StockQueries;
import org.reliefchain.stock.MovementQuery;
import org.reliefchain.stock.MovementView;
import org.reliefchain.network.WarehouseService;
import org.reliefchain.allocation.AllocationView;
import org.reliefchain.plan.CompletionView;
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

    @Inject
    private StockQueries stock;

    @Inject
    private UserService users;

    @Inject
    private WarehouseService warehouses;

    @Inject
    private org.reliefchain.allocation.AllocationService allocations;

    @Inject
    private org.reliefchain.catalog.CatalogService catalog;

    @Inject
    private org.reliefchain.plan.PlanService plans;

    @Inject
    private org.reliefchain.finance.subsidy.StatementService statements;

    @Inject
    private org.reliefchain.finance.spending.SpendingService spendingService;

    private static final int MAX_REPORT_ROWS = 20_000;

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

    @GET
    @Path("near-expiry.pdf")
    @Produces("application/pdf")
    @Operation(summary = "临期物资清单 as PDF: lots inside division (default: your jurisdiction) expiring within days"
            + " (default 90), expired ones included")
    public Response nearExpiryPdf(@QueryParam("division") String division, @QueryParam("days") Integer days,
                                  @QueryParam("lang") String lang) {
        return nearExpiry(division, days, lang, ReportFormat.PDF);
    }

    @GET
    @Path("near-expiry.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "临期物资清单 as XLSX")
    public Response nearExpiryXlsx(@QueryParam("division") String division, @QueryParam("days") Integer days,
                                   @QueryParam("lang") String lang) {
        return nearExpiry(division, days, lang, ReportFormat.XLSX);
    }

    private Response nearExpiry(String division, Integer days, String lang, ReportFormat format) {
        int within = days == null ? 90 : days;
        if (within < 0 || within > 3650) {
            throw new InvalidInputException("days", "must be between 0 and 3650");
        }
        DivisionCode scope = reportScope(division);
        Locale locale = Params.locale(lang);
        boolean english = locale == Locale.ENGLISH;
        LocalDate today = LocalDate.now(CHINA);
        List<Map<String, ?>> rows = new ArrayList<>();
        for (BalanceView b : everything(page -> stock.balances(new BalanceQuery(null, null, scope, null, within, null),
                page), "division", "choose a smaller division or fewer days")) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("warehouse", b.warehouse());
            row.put("warehouseName", english && b.warehouseNameEn() != null ? b.warehouseNameEn() : b.warehouseName());
            row.put("material", (english ? b.materialNameEn() : b.materialNameZh()) + " " + b.material());
            row.put("lot", b.lot());
            row.put("expiry", String.valueOf(b.expiryDate()));
            row.put("daysLeft", ChronoUnit.DAYS.between(today, b.expiryDate()));
            row.put("quantity", b.quantity() + " " + b.unitZh());
            row.put("status", b.expired() ? "EXPIRED" : "NEAR_EXPIRY");
            rows.add(row);
        }
        DivisionView scopeDivision = divisions.get(scope == null ? stockScope() : scope);
        String scopeName = english ? scopeDivision.nameEn() : scopeDivision.nameZh();
        Map<String, Object> params = new HashMap<>();
        params.put("scope", scopeName);
        params.put("days", within);
        return document(ReportTemplate.NEAR_EXPIRY, params, rows, locale, format,
                "near-expiry-" + within + "d." + format.extension());
    }

    @GET
    @Path("stock-ledger.pdf")
    @Produces("application/pdf")
    @Operation(summary = "库存台账 as PDF: the movements of a warehouse in your jurisdiction from/to (ISO-8601 instants or"
            + " dates; default: the last 30 days), oldest first, with each material's opening balance, receipts, issues"
            + " and closing balance; material and lot narrow it to one material or lot")
    public Response stockLedgerPdf(@QueryParam("warehouse") String warehouse, @QueryParam("material") String material,
                                   @QueryParam("lot") String lot, @QueryParam("from") String from,
                                   @QueryParam("to") String to, @QueryParam("lang") String lang) {
        return stockLedger(warehouse, material, lot, from, to, lang, ReportFormat.PDF);
    }

    @GET
    @Path("stock-ledger.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "库存台账 as XLSX")
    public Response stockLedgerXlsx(@QueryParam("warehouse") String warehouse, @QueryParam("material") String material,
                                    @QueryParam("lot") String lot, @QueryParam("from") String from,
                                    @QueryParam("to") String to, @QueryParam("lang") String lang) {
        return stockLedger(warehouse, material, lot, from, to, lang, ReportFormat.XLSX);
    }

    private Response stockLedger(String warehouse, String materialText, String lotText, String fromText, String toText,
                                 String lang, ReportFormat format) {
        if (warehouse == null || warehouse.isBlank()) {
            throw new InvalidInputException("warehouse", "is required");
        }
        java.time.Instant to = fromOr(day("to", toText, 1), java.time.Instant.now());
        java.time.Instant from = fromOr(day("from", fromText, 0), to.minus(java.time.Duration.ofDays(30)));
        if (!from.isBefore(to)) {
            throw new InvalidInputException("from", "must be before to", "format");
        }
        String material = Params.text(materialText);
        String lot = Params.text(lotText);
        Locale locale = Params.locale(lang);
        boolean english = locale == Locale.ENGLISH;
        List<MovementView> movements = new ArrayList<>(everything(page -> stock.movements(
                new MovementQuery(warehouse.trim(), material, lot, from, to), page), "from", "choose a shorter period"));
        java.util.Collections.reverse(movements); // the query answers newest first; a ledger reads oldest first
        List<org.reliefchain.stock.LedgerTotal> totals = stock.ledgerTotals(warehouse, material, lot, from, to);
        Map<String, org.reliefchain.stock.LedgerTotal> byMaterial = new HashMap<>();
        totals.forEach(t -> byMaterial.put(t.material(), t));
        DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);
        List<Map<String, ?>> rows = new ArrayList<>();
        for (org.reliefchain.stock.LedgerTotal t : totals) {
            rows.add(balanceRow(minute.format(from), Labels.get("ledger.opening", locale), t, t.opening(), english));
        }
        for (MovementView m : movements) {
            org.reliefchain.stock.LedgerTotal t = byMaterial.get(m.material());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("occurred", minute.format(m.occurredAt()));
            row.put("number", String.valueOf(m.id()));
            row.put("type", Labels.get("movement." + m.type().name(), locale) + (m.reason() == null ? ""
                    : " · " + m.reason()));
            row.put("material", t == null ? m.material() : (english ? t.nameEn() : t.nameZh()));
            row.put("lot", m.lot());
            row.put("reference", m.reference() == null ? "" : m.reference());
            row.put("quantity", m.quantity());
            row.put("balance", m.balanceAfter());
            row.put("actor", m.actor());
            rows.add(row);
        }
        for (org.reliefchain.stock.LedgerTotal t : totals) {
            Map<String, Object> row = balanceRow(minute.format(to), Labels.get("ledger.closing", locale, t.in(),
                    t.out()), t, t.closing(), english);
            rows.add(row);
        }
        var w = warehouses.get(warehouse.trim());
        Map<String, Object> params = new HashMap<>();
        params.put("scope", (english ? w.nameEn() : w.nameZh()) + " (" + w.code() + ")"
                + (lot == null ? "" : " · " + Labels.get("ledger.lot", locale, lot)));
        params.put("period", minute.format(from) + " – " + minute.format(to));
        return document(ReportTemplate.STOCK_LEDGER, params, rows, locale, format,
                "stock-ledger-" + w.code() + "." + format.extension());
    }

    /** An opening or closing line of one material: no movement, the material's total in the balance column. */
    private static Map<String, Object> balanceRow(String at, String what, org.reliefchain.stock.LedgerTotal t,
                                                  String balance, boolean english) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("occurred", at);
        row.put("number", "");
        row.put("type", what);
        row.put("material", english ? t.nameEn() : t.nameZh());
        row.put("lot", "");
        row.put("reference", "");
        row.put("quantity", "");
        row.put("balance", balance + " " + (english ? t.unitEn() : t.unitZh()));
        row.put("actor", "");
        return row;
    }

    /** An instant, or a date (yyyy-MM-dd) read as the start of that day in China plus {@code days}. */
    private static java.time.Instant day(String field, String text, int days) {
        if (text != null && text.trim().matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return org.reliefchain.platform.Limits.date(field, text).plusDays(days).atStartOfDay(CHINA).toInstant();
            } catch (java.time.DateTimeException e) {
                throw new InvalidInputException(field, "must be a date such as 2026-08-10", "format");
            }
        }
        return Params.instant(field, text);
    }

    @GET
    @Path("allocation-order.pdf")
    @Produces("application/pdf")
    @Operation(summary = "调拨单 to print and sign: one allocation order with its lines and who did what")
    public Response allocationOrderPdf(@QueryParam("id") Long id, @QueryParam("lang") String lang) {
        return allocationOrder(id, lang, ReportFormat.PDF);
    }

    @GET
    @Path("allocation-order.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "调拨单 as XLSX")
    public Response allocationOrderXlsx(@QueryParam("id") Long id, @QueryParam("lang") String lang) {
        return allocationOrder(id, lang, ReportFormat.XLSX);
    }

    private Response allocationOrder(Long id, String lang, ReportFormat format) {
        if (id == null) {
            throw new InvalidInputException("id", "is required: the allocation order id");
        }
        AllocationView order = allocations.get(id);
        Locale locale = Params.locale(lang);
        boolean english = locale == Locale.ENGLISH;
        DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);
        List<Map<String, ?>> rows = new ArrayList<>();
        for (AllocationView.Line line : order.lines()) {
            Map<String, Object> row = new LinkedHashMap<>();
            var material = catalog.get(line.material());
            row.put("lineNo", String.valueOf(line.lineNo()));
            row.put("materialName", (english ? material.nameEn() : material.nameZh()) + " (" + line.material() + ")");
            row.put("requested", line.requested() + " " + (english ? material.unitEn() : material.unitZh()));
            row.put("shipped", line.shipped() == null ? "" : line.shipped());
            row.put("received", line.received() == null ? "" : line.received());
            row.put("damaged", line.damaged() == null ? "" : line.damaged());
            row.put("shortage", line.shortage() == null ? "" : line.shortage());
            rows.add(row);
        }
        Map<String, Object> params = new HashMap<>();
        String reference = order.number() != null ? order.number()
                : Labels.get("allocation.status.DRAFT", locale) + " #" + order.id();
        params.put("scope", reference);
        params.put("period", placeName(order.from(), english) + " → " + placeName(order.to(), english) + " · "
                + Labels.get("allocation.status." + order.status(), locale) + " · " + order.purpose()
                + (order.emergencyReference() == null ? "" : " · " + order.emergencyReference()));
        params.put("signatures", signature("allocation.signRequested", order.requestedBy(), order.requestedAt(), locale, minute)
                + signature("allocation.signApproved", order.approvedBy(), order.approvedAt(), locale, minute)
                + signature("allocation.signShipped", order.shippedBy(), order.shippedAt(), locale, minute)
                + signature("allocation.signReceived", order.receivedBy(), order.receivedAt(), locale, minute));
        return document(ReportTemplate.ALLOCATION_ORDER, params, rows, locale, format,
                (order.number() != null ? order.number() : "draft-" + order.id()) + "." + format.extension());
    }

    @GET
    @Path("statements/{id}.pdf")
    @Produces("application/pdf")
    @Operation(summary = "补贴结算单 to print and sign: one subsidy statement, itemised, with its total and sign-offs",
            description = "For finance staff, auditors and administrators whose jurisdiction holds the statement's"
                    + " contracting division; otherwise 404.")
    public Response statementPdf(@PathParam("id") long id, @QueryParam("lang") String lang) {
        return statement(id, lang, ReportFormat.PDF);
    }

    @GET
    @Path("statements/{id}.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "补贴结算单 as XLSX")
    public Response statementXlsx(@PathParam("id") long id, @QueryParam("lang") String lang) {
        return statement(id, lang, ReportFormat.XLSX);
    }

    private Response statement(long id, String lang, ReportFormat format) {
        org.reliefchain.finance.subsidy.StatementView s = statements.get(id);
        Locale locale = Params.locale(lang);
        boolean english = locale == Locale.ENGLISH;
        List<Map<String, ?>> rows = new ArrayList<>();
        for (org.reliefchain.finance.subsidy.StatementView.Line l : s.lines()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("lineNo", String.valueOf(l.line()));
            row.put("item", Labels.get("statement.lineKind." + l.kind(), locale));
            // line 0 is the agreement as a whole (its management fee)
            row.put("agreement", l.agreementNumber() == null ? "" : l.agreementNumber()
                    + (l.agreementLine() == null || l.agreementLine() == 0 ? "" : " / " + l.agreementLine()));
            row.put("material", l.material() == null ? "" : (english ? l.materialNameEn() : l.materialNameZh())
                    + " (" + l.material() + ")");
            // the same words as the statement page: unit-days of a material, or plain days of a management fee
            row.put("basis", l.basis() == null ? "" : l.basis() + " " + (l.material() == null
                    ? Labels.get("statement.days", locale)
                    : (english ? l.unitEn() : l.unitZh()) + Labels.get("statement.timesDays", locale)));
            row.put("rate", l.rate() == null ? "" : l.rate());
            row.put("amount", l.amount());
            // the computed lines explain themselves by basis and rate (their stored explanation is for the API);
            // an adjustment's explanation is what a person wrote and is printed as written
            row.put("explanation", l.kind() == org.reliefchain.finance.subsidy.LineKind.ADJUSTMENT
                    && l.explanation() != null ? l.explanation() : "");
            rows.add(row);
        }
        DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);
        Map<String, Object> params = new HashMap<>();
        params.put("scope", s.number());
        params.put("period", s.periodStart() + " – " + s.periodEnd() + " · "
                + Labels.get("statement.kind." + s.kind(), locale) + " · "
                + Labels.get("statement.status." + s.status(), locale)
                + (s.adjusts() == null ? "" : " · " + Labels.get("statement.adjusts", locale) + " " + s.adjusts()));
        params.put("parties", Labels.get("field.enterprise", locale) + " " + s.enterpriseName() + " (" + s.creditCode()
                + ")    " + Labels.get("agreement.division", locale) + " "
                + (english ? s.divisionNameEn() : s.divisionNameZh()) + " (" + s.division() + ")"
                + (s.dueOn() == null ? "" : "    " + Labels.get("statement.dueOn", locale) + " " + s.dueOn()));
        params.put("total", s.total());
        params.put("signatures", signature("statement.preparedBy", s.preparedBy(), s.preparedAt(), locale, minute)
                + signature("statement.approvedBy", s.approvedBy(), s.approvedAt(), locale, minute)
                + Labels.get("statement.paid", locale) + " "
                + (s.paymentRef() == null ? "________" : s.paymentRef() + " " + s.paidOn()));
        return document(ReportTemplate.STATEMENT, params, rows, locale, format, s.number() + "." + format.extension());
    }

    // ---- 征用补偿清单: the compensation list of one requisition or of an incident ----

    @Inject
    private org.reliefchain.finance.requisition.RequisitionService requisitions;

    @GET
    @Path("requisitions/{id}.pdf")
    @Produces("application/pdf")
    @Operation(summary = "征用补偿清单 of one requisition: every item, what became of it and its compensation by the"
            + " published rule, with who computed, approved and paid it", description = "For users whose jurisdiction"
            + " holds the requisition's division; otherwise 404.")
    public Response requisitionPdf(@PathParam("id") long id, @QueryParam("lang") String lang) {
        return requisition(id, lang, ReportFormat.PDF);
    }

    @GET
    @Path("requisitions/{id}.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "征用补偿清单 of one requisition as XLSX")
    public Response requisitionXlsx(@PathParam("id") long id, @QueryParam("lang") String lang) {
        return requisition(id, lang, ReportFormat.XLSX);
    }

    @GET
    @Path("incidents/{id}/compensation.pdf")
    @Produces("application/pdf")
    @Operation(summary = "征用补偿清单 of an incident: every requisition of the incident inside your jurisdiction",
            description = "404 for an incident you may not see.")
    public Response incidentCompensationPdf(@PathParam("id") long id, @QueryParam("lang") String lang) {
        return incidentCompensation(id, lang, ReportFormat.PDF);
    }

    @GET
    @Path("incidents/{id}/compensation.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "征用补偿清单 of an incident as XLSX")
    public Response incidentCompensationXlsx(@PathParam("id") long id, @QueryParam("lang") String lang) {
        return incidentCompensation(id, lang, ReportFormat.XLSX);
    }

    private Response requisition(long id, String lang, ReportFormat format) {
        org.reliefchain.finance.requisition.RequisitionView r = requisitions.get(id);
        Locale locale = Params.locale(lang);
        CompensationList.Built built = CompensationList.rows(List.of(r), locale);
        return document(ReportTemplate.COMPENSATION, CompensationList.one(r, built, locale), built.rows(), locale,
                format, r.number() + "-compensation." + format.extension());
    }

    private Response incidentCompensation(long id, String lang, ReportFormat format) {
        List<org.reliefchain.finance.requisition.RequisitionView> all = requisitions.ofIncident(id);
        org.reliefchain.incident.IncidentView incident = incidents.get(id);
        Locale locale = Params.locale(lang);
        CompensationList.Built built = CompensationList.rows(all, locale);
        return document(ReportTemplate.COMPENSATION, CompensationList.incident(incident.number(), incident.name(),
                all.size(), built, locale), built.rows(), locale, format,
                incident.number() + "-compensation." + format.extension());
    }

    @GET
    @Path("spending.pdf")
    @Produces("application/pdf")
    @Operation(summary = "年度储备支出: a year's reserve spending by level and division (subsidies, purchases,"
            + " compensation, write-offs)", description = "year defaults to the current one; division to your"
            + " jurisdiction and must be inside it (403 otherwise).")
    public Response spendingPdf(@QueryParam("year") Integer year, @QueryParam("division") String division,
                                @QueryParam("lang") String lang) {
        return spending(year, division, lang, ReportFormat.PDF);
    }

    @GET
    @Path("spending.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "年度储备支出 as XLSX")
    public Response spendingXlsx(@QueryParam("year") Integer year, @QueryParam("division") String division,
                                 @QueryParam("lang") String lang) {
        return spending(year, division, lang, ReportFormat.XLSX);
    }

    private Response spending(Integer year, String division, String lang, ReportFormat format) {
        org.reliefchain.finance.spending.SpendingReport report = spendingService.year(year, division);
        Locale locale = Params.locale(lang);
        boolean english = locale == Locale.ENGLISH;
        List<Map<String, ?>> rows = new ArrayList<>();
        for (var r : report.rows()) {
            rows.add(spendingRow("DIVISION", (english ? r.nameEn() : r.nameZh()) + " " + r.division(),
                    Labels.get("level." + r.level(), locale), r));
        }
        for (var r : report.levels()) {
            rows.add(spendingRow("LEVEL", Labels.get("spending.subtotal", locale),
                    Labels.get("level." + r.level(), locale), r));
        }
        rows.add(spendingRow("TOTAL", Labels.get("spending.total", locale), "", report.total()));
        Map<String, Object> params = new HashMap<>();
        params.put("scope", report.year() + " " + (english ? report.divisionNameEn() : report.divisionNameZh()));
        params.put("period", report.year() + "-01-01 – " + report.year() + "-12-31");
        return document(ReportTemplate.SPENDING, params, rows, locale, format,
                "spending-" + report.division() + "-" + report.year() + "." + format.extension());
    }

    @Inject
    private RotationDocuments rotationDocuments;

    @GET
    @Path("rotations/{id}.pdf")
    @Produces("application/pdf")
    @Operation(summary = "轮换报告 of one rotation plan: lot, method, quantity, book value, proceeds, loss, approvals and"
            + " the write-off it raised", description = "Inside your jurisdiction; otherwise 404.")
    public Response rotationPdf(@PathParam("id") long id, @QueryParam("lang") String lang) {
        return rotationDocument(rotationDocuments.plan(id, Params.locale(lang)), lang, ReportFormat.PDF);
    }

    @GET
    @Path("rotations/{id}.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "轮换报告 of one rotation plan as XLSX")
    public Response rotationXlsx(@PathParam("id") long id, @QueryParam("lang") String lang) {
        return rotationDocument(rotationDocuments.plan(id, Params.locale(lang)), lang, ReportFormat.XLSX);
    }

    @GET
    @Path("rotations.pdf")
    @Produces("application/pdf")
    @Operation(summary = "轮换报告 of a period: the plans carried out from `from` (default 1 January) to `to` (default"
            + " today, China days) in your jurisdiction or at one `warehouse` of it, with their totals")
    public Response rotationsPdf(@QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("warehouse") String warehouse, @QueryParam("lang") String lang) {
        return rotationDocument(rotationDocuments.period(from, to, warehouse, Params.locale(lang)), lang, ReportFormat.PDF);
    }

    @GET
    @Path("rotations.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "轮换报告 of a period as XLSX")
    public Response rotationsXlsx(@QueryParam("from") String from, @QueryParam("to") String to,
                                  @QueryParam("warehouse") String warehouse, @QueryParam("lang") String lang) {
        return rotationDocument(rotationDocuments.period(from, to, warehouse, Params.locale(lang)), lang, ReportFormat.XLSX);
    }

    @GET
    @Path("write-offs/{id}.pdf")
    @Produces("application/pdf")
    @Operation(summary = "核销表: one write-off with its sign-off chain and, once signed, its hash",
            description = "Inside your jurisdiction; otherwise 404.")
    public Response writeOffPdf(@PathParam("id") long id, @QueryParam("lang") String lang) {
        return writeOffDocument(id, lang, ReportFormat.PDF);
    }

    @GET
    @Path("write-offs/{id}.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "核销表 as XLSX")
    public Response writeOffXlsx(@PathParam("id") long id, @QueryParam("lang") String lang) {
        return writeOffDocument(id, lang, ReportFormat.XLSX);
    }

    private Response rotationDocument(RotationDocuments.Document d, String lang, ReportFormat format) {
        return document(ReportTemplate.ROTATION_REPORT, d.params(), d.rows(), Params.locale(lang), format,
                d.name() + "." + format.extension());
    }

    private Response writeOffDocument(long id, String lang, ReportFormat format) {
        RotationDocuments.Document d = rotationDocuments.writeOff(id, Params.locale(lang));
        return document(ReportTemplate.WRITE_OFF_FORM, d.params(), d.rows(), Params.locale(lang), format,
                d.name() + "." + format.extension());
    }

    private static Map<String, ?> spendingRow(String section, String name, String level,
                                              org.reliefchain.finance.spending.SpendingReport.Row r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("section", section);
        row.put("name", name);
        row.put("level", level);
        var a = r.amounts();
        row.put("subsidy", a.get(org.reliefchain.finance.spending.SpendingKind.SUBSIDY));
        row.put("purchase", a.get(org.reliefchain.finance.spending.SpendingKind.PURCHASE));
        row.put("compensation", a.get(org.reliefchain.finance.spending.SpendingKind.COMPENSATION));
        row.put("rotation", a.get(org.reliefchain.finance.spending.SpendingKind.ROTATION));
        row.put("writeOff", a.get(org.reliefchain.finance.spending.SpendingKind.WRITE_OFF));
        row.put("total", r.total());
        return row;
    }

    // ---- payables by enterprise (应付款明细) ----

    @Inject
    private org.reliefchain.finance.payable.PayablesService payablesService;

    @GET
    @Path("payables.pdf")
    @Produces("application/pdf")
    @Operation(summary = "应付款明细: what is owed to each enterprise of your jurisdiction from the journal (subsidies,"
            + " call-up purchases, requisition and rotation compensation), paid and balance, with the total")
    public Response payablesPdf(@QueryParam("lang") String lang) {
        return payables(lang, ReportFormat.PDF);
    }

    @GET
    @Path("payables.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "应付款明细 as XLSX")
    public Response payablesXlsx(@QueryParam("lang") String lang) {
        return payables(lang, ReportFormat.XLSX);
    }

    private Response payables(String lang, ReportFormat format) {
        org.reliefchain.finance.payable.Payables report = payablesService.byEnterprise();
        Locale locale = Params.locale(lang);
        List<Map<String, ?>> rows = new ArrayList<>();
        for (var r : report.rows()) {
            rows.add(payablesRow("ENTERPRISE", r.enterpriseName() + " (" + r.creditCode() + ")", r));
        }
        rows.add(payablesRow("TOTAL", Labels.get("spending.total", locale), report.totals()));
        Map<String, Object> params = new HashMap<>();
        DivisionView division = divisions.get(DivisionCode.of(report.division()));
        params.put("scope", locale == Locale.ENGLISH ? division.nameEn() : division.nameZh());
        params.put("period", ZonedDateTime.now(CHINA).toLocalDate().toString());
        return document(ReportTemplate.PAYABLES, params, rows, locale, format,
                "payables-" + report.division() + "." + format.extension());
    }

    private static Map<String, ?> payablesRow(String section, String name, org.reliefchain.finance.payable.Payables.Row r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("section", section);
        row.put("name", name);
        row.put("subsidy", r.subsidies());
        row.put("purchase", r.purchases());
        row.put("compensation", r.compensation());
        row.put("rotation", r.rotation());
        row.put("owed", r.owed());
        row.put("paid", r.paid());
        row.put("balance", r.balance());
        return row;
    }

    private static String placeName(AllocationView.Place place, boolean english) {
        String name = english && place.nameEn() != null && !place.nameEn().isBlank() ? place.nameEn() : place.nameZh();
        return name + " (" + place.code() + ")";
    }

    @GET
    @Path("plan-completion.pdf")
    @Produces("application/pdf")
    @Operation(summary = "储备计划完成情况 as PDF: completion of the year's plan by level (by=level) or by the"
            + " divisions below one (by=division)")
    public Response planCompletionPdf(@QueryParam("year") Integer year, @QueryParam("division") String division,
                                      @QueryParam("by") String by, @QueryParam("lang") String lang) {
        return planCompletion(year, division, by, lang, ReportFormat.PDF);
    }

    @GET
    @Path("plan-completion.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "储备计划完成情况 as XLSX")
    public Response planCompletionXlsx(@QueryParam("year") Integer year, @QueryParam("division") String division,
                                       @QueryParam("by") String by, @QueryParam("lang") String lang) {
        return planCompletion(year, division, by, lang, ReportFormat.XLSX);
    }

    private Response planCompletion(Integer yearParam, String division, String by, String lang, ReportFormat format) {
        boolean byLevel = Params.byLevel(by);
        int year = Params.year("year", yearParam, LocalDate.now(CHINA).getYear());
        DivisionCode scope = reportScope(division);
        Locale locale = Params.locale(lang);
        List<Map<String, ?>> rows = new ArrayList<>();
        for (CompletionView c : plans.completion(year, scope, byLevel)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("group", c.group());
            row.put("groupName", byLevel ? Labels.level(DivisionLevel.valueOf(c.group()), locale)
                    : locale == Locale.ENGLISH && c.groupNameEn() != null ? c.groupNameEn() : c.groupName());
            row.put("planLines", String.valueOf(c.planLines()));
            row.put("target", c.target());
            row.put("covered", c.covered());
            row.put("completion", String.valueOf(c.completion()));
            row.put("linesShort", String.valueOf(c.linesShort()));
            rows.add(row);
        }
        Map<String, Object> params = new HashMap<>();
        DivisionView scopeDivision = divisions.get(scope == null ? stockScope() : scope);
        params.put("scope", year + " · " + (locale == Locale.ENGLISH ? scopeDivision.nameEn() : scopeDivision.nameZh()));
        params.put("period", Labels.get(byLevel ? "plan.byLevel" : "plan.byDivision", locale));
        params.put("signatures", Labels.get("plan.measure", locale));
        return document(ReportTemplate.PLAN_COMPLETION, params, rows, locale, format,
                "plan-completion-" + year + "." + format.extension());
    }

    @GET
    @Path("stock-on-hand.pdf")
    @Produces("application/pdf")
    @Operation(summary = "库存汇总 as PDF: stock on hand per material by level (by=level) or by the divisions below one"
            + " (by=division), inside your jurisdiction")
    public Response stockOnHandPdf(@QueryParam("division") String division, @QueryParam("by") String by,
                                   @QueryParam("lang") String lang) {
        return stockOnHand(division, by, lang, ReportFormat.PDF);
    }

    @GET
    @Path("stock-on-hand.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "库存汇总 as XLSX")
    public Response stockOnHandXlsx(@QueryParam("division") String division, @QueryParam("by") String by,
                                    @QueryParam("lang") String lang) {
        return stockOnHand(division, by, lang, ReportFormat.XLSX);
    }

    private Response stockOnHand(String division, String by, String lang, ReportFormat format) {
        boolean byLevel = Params.byLevel(by);
        DivisionCode scope = reportScope(division);
        Locale locale = Params.locale(lang);
        boolean english = locale == Locale.ENGLISH;
        Map<String, String> names = new HashMap<>();
        List<Map<String, ?>> rows = new ArrayList<>();
        for (org.reliefchain.stock.OnHandSummary s : stock.summary(scope, byLevel)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("group", s.group());
            row.put("groupName", names.computeIfAbsent(s.group(), g -> byLevel
                    ? Labels.level(DivisionLevel.valueOf(g), locale)
                    : english ? divisions.get(DivisionCode.of(g)).nameEn() : divisions.get(DivisionCode.of(g)).nameZh()));
            row.put("material", (english ? s.materialNameEn() : s.materialNameZh()) + " " + s.material());
            row.put("quantity", s.quantity());
            row.put("expired", s.expiredQuantity());
            row.put("lots", String.valueOf(s.lots()));
            row.put("unit", s.unitZh());
            rows.add(row);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("scope", divisions.get(scope == null ? stockScope() : scope).nameZh());
        params.put("period", Labels.get(byLevel ? "plan.byLevel" : "plan.byDivision", locale));
        params.put("signatures", "");
        return document(ReportTemplate.STOCK_ON_HAND, params, rows, locale, format, "stock-on-hand." + format.extension());
    }

    @Inject
    private org.reliefchain.incident.IncidentService incidents;
    @Inject
    private org.reliefchain.incident.AffectedService affectedPeople;
    @Inject
    private org.reliefchain.incident.DemandService demand;

    @GET
    @Path("incidents/{id}.pdf")
    @Produces("application/pdf")
    @Operation(summary = "灾情与需求报告 as PDF: affected people by county, demand against usable stock by material, shortfalls")
    public Response incidentPdf(@PathParam("id") long id, @QueryParam("lang") String lang) {
        return incidentSituation(id, lang, ReportFormat.PDF);
    }

    @GET
    @Path("incidents/{id}.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "灾情与需求报告 as XLSX")
    public Response incidentXlsx(@PathParam("id") long id, @QueryParam("lang") String lang) {
        return incidentSituation(id, lang, ReportFormat.XLSX);
    }

    private Response incidentSituation(long id, String lang, ReportFormat format) {
        Locale locale = Params.locale(lang);
        boolean english = locale == Locale.ENGLISH;
        org.reliefchain.incident.IncidentView incident = incidents.get(id);
        Map<String, long[]> byCounty = new java.util.TreeMap<>();
        for (org.reliefchain.incident.AffectedView a : affectedPeople.current(id)) {
            long[] sums = byCounty.computeIfAbsent(a.county(), c -> new long[2]);
            sums[0] += a.people();
            sums[1] += a.relocated();
        }
        List<Map<String, ?>> rows = new ArrayList<>();
        String countySection = english ? "Affected" : "受灾情况";
        for (Map.Entry<String, long[]> e : byCounty.entrySet()) {
            org.reliefchain.division.DivisionView d = divisions.get(DivisionCode.of(e.getKey()));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("section", countySection);
            row.put("name", (english ? d.nameEn() : d.nameZh()) + " " + d.code());
            row.put("people", String.valueOf(e.getValue()[0]));
            row.put("relocated", String.valueOf(e.getValue()[1]));
            rows.add(row);
        }
        org.reliefchain.incident.SupplyView supply = demand.supply(id);
        String materialSection = english ? "Demand and stock" : "物资需求与库存";
        for (org.reliefchain.incident.SupplyView.MaterialSupply m : supply.materials()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("section", materialSection);
            row.put("name", m.name() + " " + m.material());
            row.put("needed", m.needed().toPlainString());
            row.put("available", m.available().toPlainString());
            row.put("shortfall", m.shortfall().toPlainString());
            row.put("unit", m.unit());
            rows.add(row);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("scope", incident.number() + " " + incident.name());
        params.put("period", (english ? "deadline " : "救助时限 ") + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(incident.deadline().atZone(CHINA)) + (english ? ", relief standards v" : "，救助标准第 ")
                + supply.standardVersion() + (english ? "" : " 版"));
        params.put("signatures", "");
        return document(ReportTemplate.INCIDENT_SITUATION, params, rows, locale, format,
                "incident-" + incident.number() + "." + format.extension());
    }

    @Inject
    private org.reliefchain.dispatch.TripService trips;
    @Inject
    private org.reliefchain.dispatch.DeliveryReportService deliveries;

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

    @GET
    @Path("dispatch-order.pdf")
    @Produces("application/pdf")
    @Operation(summary = "派车单 to print, carry and sign: one trip's vehicle, crew, base, departure and planned return;"
            + " the lots it loads with the warehouse hand-over (交接); its stops in order with planned arrival, deadline,"
            + " people and lines, each with a receipt line (签收)")
    public Response dispatchOrderPdf(@QueryParam("trip") Long trip, @QueryParam("lang") String lang) {
        if (trip == null) {
            throw new InvalidInputException("trip", "is required: the id of the dispatch order's trip");
        }
        org.reliefchain.dispatch.TripView t = trips.get(trip);
        org.reliefchain.incident.IncidentView incident = incidents.get(t.incidentId());
        Locale locale = Params.locale(lang);
        boolean english = locale == Locale.ENGLISH;
        Map<String, org.reliefchain.catalog.MaterialView> materials = new HashMap<>();
        List<Map<String, ?>> rows = new ArrayList<>();
        for (org.reliefchain.dispatch.TripView.LoadView l : t.loads()) {
            var material = materials.computeIfAbsent(l.material(), catalog::get);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("section", "LOAD");
            row.put("warehouse", l.warehouse() + " " + l.warehouseCode());
            row.put("material", (english ? material.nameEn() : material.nameZh()) + " " + l.material());
            row.put("lot", l.lot());
            row.put("quantity", plain(l.quantity()));
            row.put("unit", english ? material.unitEn() : material.unitZh());
            rows.add(row);
        }
        long people = 0;
        for (org.reliefchain.dispatch.TripView.StopView s : t.stops()) {
            people += s.people();
            Map<String, Object> stop = new LinkedHashMap<>();
            stop.put("section", "STOP");
            stop.put("stop", String.valueOf(s.seq()));
            stop.put("stopName", s.name() + " " + s.division());
            stop.put("people", String.valueOf(s.people()));
            stop.put("plannedArrival", MINUTE.format(s.plannedArrival()));
            stop.put("deadline", MINUTE.format(s.deadline()));
            stop.put("stopStatus", s.status().name());
            stop.put("receipt", s.status() == org.reliefchain.dispatch.StopStatus.DELIVERED
                    ? s.receiver() + " " + MINUTE.format(s.deliveredAt()) : null);
            if (s.lines().isEmpty()) {
                rows.add(stop); // the stop and its receipt line still print
            }
            for (org.reliefchain.dispatch.TripView.LineView l : s.lines()) {
                var material = materials.computeIfAbsent(l.material(), catalog::get);
                Map<String, Object> row = new LinkedHashMap<>(stop);
                row.put("material", (english ? material.nameEn() : material.nameZh()) + " " + l.material());
                row.put("quantity", plain(l.planned()));
                row.put("unit", english ? material.unitEn() : material.unitZh());
                row.put("received", plain(l.received()));
                row.put("damaged", plain(l.damaged()));
                rows.add(row);
            }
        }
        Map<String, Object> params = new HashMap<>();
        params.put("number", t.number());
        params.put("incident", incident.number() + " " + incident.name());
        params.put("vehicle", t.vehicle() + " " + Labels.get("fleet.kind." + t.vehicleKind(), locale));
        params.put("trip", t.trip());
        params.put("crew", words(t.crewName(), t.crewPhone()));
        params.put("base", t.base());
        params.put("departure", MINUTE.format(t.departure()));
        params.put("plannedReturn", MINUTE.format(t.plannedReturn()));
        params.put("status", t.status().name());
        params.put("stops", t.stops().size());
        params.put("people", people);
        return document(ReportTemplate.DISPATCH_ORDER, params, rows, locale, ReportFormat.PDF,
                "dispatch-order-" + t.number() + ".pdf");
    }

    @GET
    @Path("dispatch-orders.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "派车单汇总 as XLSX: every dispatch order of an incident, a row per trip, stop and material"
            + " (vehicle, crew, base, departure, status; stop, planned arrival, deadline, people, status; planned,"
            + " received, damaged)")
    public Response dispatchOrdersXlsx(@QueryParam("incident") Long incidentId, @QueryParam("lang") String lang) {
        if (incidentId == null) {
            throw new InvalidInputException("incident", "is required: the incident whose dispatch orders to list");
        }
        org.reliefchain.incident.IncidentView incident = incidents.get(incidentId);
        Locale locale = Params.locale(lang);
        boolean english = locale == Locale.ENGLISH;
        Map<String, org.reliefchain.catalog.MaterialView> materials = new HashMap<>();
        List<Map<String, ?>> rows = new ArrayList<>();
        for (org.reliefchain.dispatch.TripView t : trips.list(incident.id(), null)) {
            Map<String, Object> trip = new LinkedHashMap<>();
            trip.put("trip", t.number());
            trip.put("vehicle", t.vehicle() + " " + Labels.get("fleet.kind." + t.vehicleKind(), locale));
            trip.put("crew", words(t.crewName(), t.crewPhone()));
            trip.put("base", t.base());
            trip.put("departure", MINUTE.format(t.departure()));
            trip.put("tripStatus", t.status().name());
            if (t.stops().isEmpty()) {
                rows.add(trip);
            }
            for (org.reliefchain.dispatch.TripView.StopView s : t.stops()) {
                Map<String, Object> stop = new LinkedHashMap<>(trip);
                stop.put("stop", String.valueOf(s.seq()));
                stop.put("stopName", s.name() + " " + s.division());
                stop.put("plannedArrival", MINUTE.format(s.plannedArrival()));
                stop.put("deadline", MINUTE.format(s.deadline()));
                stop.put("people", String.valueOf(s.people()));
                stop.put("stopStatus", s.status().name());
                if (s.lines().isEmpty()) {
                    rows.add(stop);
                }
                for (org.reliefchain.dispatch.TripView.LineView l : s.lines()) {
                    var material = materials.computeIfAbsent(l.material(), catalog::get);
                    Map<String, Object> row = new LinkedHashMap<>(stop);
                    row.put("material", (english ? material.nameEn() : material.nameZh()) + " " + l.material());
                    row.put("unit", english ? material.unitEn() : material.unitZh());
                    row.put("planned", plain(l.planned()));
                    row.put("received", plain(l.received()));
                    row.put("damaged", plain(l.damaged()));
                    rows.add(row);
                }
            }
        }
        Map<String, Object> params = new HashMap<>();
        params.put("scope", incident.number() + " " + incident.name());
        params.put("period", (english ? "deadline " : "救助时限 ") + MINUTE.format(incident.deadline()));
        return document(ReportTemplate.DISPATCH_ORDERS, params, rows, locale, ReportFormat.XLSX,
                "dispatch-orders-" + incident.number() + ".xlsx");
    }

    @GET
    @Path("incidents/{id}/deliveries.pdf")
    @Produces("application/pdf")
    @Operation(summary = "救灾物资送达情况 as PDF: per county the people of the points the approved plan's trips serve,"
            + " those planned to be reached by the deadline and those reached by it (delivered), with the total; per"
            + " dispatch order its status and stops delivered")
    public Response deliveriesPdf(@PathParam("id") long id, @QueryParam("lang") String lang) {
        return deliveryReport(id, lang, ReportFormat.PDF);
    }

    @GET
    @Path("incidents/{id}/deliveries.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "救灾物资送达情况 as XLSX")
    public Response deliveriesXlsx(@PathParam("id") long id, @QueryParam("lang") String lang) {
        return deliveryReport(id, lang, ReportFormat.XLSX);
    }

    private Response deliveryReport(long id, String lang, ReportFormat format) {
        org.reliefchain.dispatch.DeliveryReport report = deliveries.report(id);
        Locale locale = Params.locale(lang);
        boolean english = locale == Locale.ENGLISH;
        List<Map<String, ?>> rows = new ArrayList<>();
        List<org.reliefchain.dispatch.DeliveryReport.County> counties = new ArrayList<>(report.counties());
        counties.add(report.total());
        for (org.reliefchain.dispatch.DeliveryReport.County c : counties) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("section", "COUNTY");
            row.put("name", c.code() == null ? null : (english ? c.nameEn() : c.nameZh()) + " " + c.code());
            row.put("points", String.valueOf(c.points()));
            row.put("people", String.valueOf(c.people()));
            row.put("plannedInTime", String.valueOf(c.plannedInTime()));
            row.put("reachedInTime", String.valueOf(c.reachedInTime()));
            row.put("reached", String.valueOf(c.reached()));
            rows.add(row);
        }
        for (org.reliefchain.dispatch.DeliveryReport.Trip t : report.trips()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("section", "TRIP");
            row.put("name", t.number());
            row.put("vehicle", t.vehicle() + " " + Labels.get("fleet.kind." + t.vehicleKind(), locale));
            row.put("status", t.status().name());
            row.put("stops", t.delivered() + " / " + t.stops());
            row.put("people", String.valueOf(t.people()));
            row.put("reachedInTime", String.valueOf(t.reachedInTime()));
            rows.add(row);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("scope", report.incidentNumber() + " " + report.incidentName());
        params.put("period", (english ? "deadline " : "救助时限 ") + MINUTE.format(report.deadline()));
        return document(ReportTemplate.DELIVERY_REPORT, params, rows, locale, format,
                "deliveries-" + report.incidentNumber() + "." + format.extension());
    }

    /** A quantity as people write it (28, not 28.000); null stays null (not reported yet). */
    private static String plain(java.math.BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    /** The non-blank parts, separated by a space. */
    private static String words(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank())
                .collect(java.util.stream.Collectors.joining(" "));
    }

    private static String signature(String key, String who, java.time.Instant when, Locale locale,
                                    DateTimeFormatter format) {
        return Labels.get(key, locale) + " " + (who == null ? "________" : who + " " + format.format(when)) + "    ";
    }

    /** Renders a document, stamped with when and by whom, as a download. */
    private Response document(ReportTemplate template, Map<String, Object> params, List<Map<String, ?>> rows,
                              Locale locale, ReportFormat format, String fileName) {
        params.put("generatedAt", ZonedDateTime.now(CHINA).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        params.put("generatedBy", security.getUserPrincipal().getName());
        byte[] bytes = renderer.render(template, params, rows, locale, format);
        return Response.ok(bytes, format.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    /** Every page of a list, for a document; refused past {@link #MAX_REPORT_ROWS} rows. */
    private static <T> List<T> everything(java.util.function.Function<PageRequest, Page<T>> fetch, String field,
                                          String hint) {
        List<T> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<T> batch = fetch.apply(PageRequest.of(page, PageRequest.MAX_SIZE));
            if (batch.total() > MAX_REPORT_ROWS) {
                throw new InvalidInputException(field, batch.total() + " rows is more than a document holds ("
                        + MAX_REPORT_ROWS + "): " + hint);
            }
            all.addAll(batch.items());
            if ((long) (page + 1) * PageRequest.MAX_SIZE >= batch.total()) {
                return all;
            }
        }
    }

    private static java.time.Instant fromOr(java.time.Instant value, java.time.Instant fallback) {
        return value == null ? fallback : value;
    }

    /** The caller's own jurisdiction, for the title when no division is given. */
    /**
     * The division a stock or plan document covers: inside the caller's jurisdiction, or refused. (The lists
     * behind it narrow a wider division to the jurisdiction; a document would then carry the wider division's
     * name over the narrower data.)
     */
    private DivisionCode reportScope(String division) {
        DivisionCode scope = Params.division("division", division);
        DivisionCode mine = stockScope();
        if (scope != null && !mine.contains(scope)) {
            throw new org.reliefchain.security.OutsideJurisdictionException(mine, scope, "documents of division " + scope);
        }
        return scope;
    }

    private DivisionCode stockScope() {
        return DivisionCode.of(users.me().jurisdiction());
    }

    private Response divisionList(String root, String depth, String lang, ReportFormat format) {
        if (root == null || root.isBlank()) {
            throw new InvalidInputException("root", "is required: the division code at the top of the list");
        }
        DivisionCode rootCode = DivisionCode.parse("root", root.trim());
        DivisionLevel deepest = depth == null || depth.isBlank() ? DivisionLevel.VILLAGE : Params.level("depth", depth);
        if (deepest.ordinal() < rootCode.level().ordinal()) {
            throw new InvalidInputException("depth", "must be the level of root (" + rootCode.level()
                    + ") or below it", "format");
        }
        Locale locale = Params.locale(lang);
        boolean english = locale == Locale.ENGLISH;
        List<DivisionView> rows = divisions.subtree(rootCode, deepest);
        DivisionView top = rows.get(0);
        Map<String, Object> params = new HashMap<>();
        params.put("rootCode", top.code());
        params.put("rootName", english ? top.nameEn() : top.nameZh());
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
        return document(ReportTemplate.DIVISIONS, params, data, locale, format,
                "divisions-" + top.code() + "." + format.extension());
    }
}
