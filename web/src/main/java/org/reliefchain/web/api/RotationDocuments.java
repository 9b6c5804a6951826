package org.reliefchain.web.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.reliefchain.finance.rotation.RotationService;
import org.reliefchain.finance.rotation.RotationView;
import org.reliefchain.finance.writeoff.WriteOffService;
import org.reliefchain.finance.writeoff.WriteOffView;
import org.reliefchain.web.ui.Labels;

/**
 * What the rotation report (轮换报告) and the write-off form (核销表) print: their parameters and rows, in the
 * words of the reader's language; {@link ReportResource} renders them.
 */
@RequestScoped
public class RotationDocuments {

    /** A document's parameters, rows and file name (without extension). */
    public record Document(Map<String, Object> params, List<Map<String, ?>> rows, String name) {
    }

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);
    private static final int MAX_PLANS = 499;

    @Inject
    private RotationService rotations;

    @Inject
    private WriteOffService writeOffs;

    public Document plan(long id, Locale locale) {
        RotationView r = rotations.get(id);
        Document d = report(List.of(r), locale, r.number(), r.number());
        d.params().put("period", Labels.get("rotation.status." + r.status(), locale) + " · "
                + Labels.get("rotation.raisedBy", locale) + " " + r.raisedBy() + " " + time(r.raisedAt()));
        d.params().put("details", details(r, locale));
        d.params().put("signatures", line("rotation.managerApproval", r.managerApprovedBy(), r.managerApprovedAt(), locale)
                + line("rotation.financeApproval", r.financeApprovedBy(), r.financeApprovedAt(), locale)
                + line("rotation.executedBy", r.executedBy(), r.executedAt(), locale)
                + (r.writeOffNumber() == null ? "" : Labels.get("rotation.writeOff", locale) + " " + r.writeOffNumber()
                + " (" + Labels.get("writeOff.status." + r.writeOffStatus(), locale) + ")"));
        return d;
    }

    public Document period(String fromText, String toText, String warehouse, Locale locale) {
        LocalDate today = LocalDate.now(CHINA);
        LocalDate from = date("from", fromText, today.withDayOfYear(1));
        LocalDate to = date("to", toText, today);
        List<RotationView> plans = rotations.executed(from, to, warehouse, MAX_PLANS);
        String scope = warehouse == null || warehouse.isBlank() ? "" : warehouse.strip();
        Document d = report(plans, locale, scope, "rotations-" + from + "-" + to + (scope.isEmpty() ? "" : "-" + scope));
        d.params().put("period", Labels.get("rotation.period", locale) + " " + from + " – " + to);
        d.params().put("details", "");
        d.params().put("signatures", "");
        return d;
    }

    private static Document report(List<RotationView> plans, Locale locale, String scope, String name) {
        boolean english = locale == Locale.ENGLISH;
        List<Map<String, ?>> rows = new ArrayList<>();
        BigDecimal book = BigDecimal.ZERO.setScale(2);
        BigDecimal proceeds = BigDecimal.ZERO.setScale(2);
        BigDecimal loss = BigDecimal.ZERO.setScale(2);
        for (RotationView r : plans) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("number", r.number());
            row.put("warehouse", (english && r.warehouseNameEn() != null ? r.warehouseNameEn() : r.warehouseNameZh())
                    + " (" + r.warehouse() + ")");
            row.put("material", english && r.materialNameEn() != null ? r.materialNameEn() : r.materialNameZh());
            row.put("lot", r.lot() + (r.lotExpiry() == null ? "" : " · " + r.lotExpiry()));
            row.put("method", Labels.get("rotation.method." + r.method(), locale));
            row.put("quantity", r.quantity() + " " + (english && r.unitEn() != null ? r.unitEn() : r.unitZh()));
            row.put("bookValue", r.bookValue());
            row.put("proceeds", r.proceeds());
            row.put("loss", r.loss());
            row.put("status", Labels.get("rotation.status." + r.status(), locale)
                    + (r.writeOffNumber() == null ? "" : " · " + r.writeOffNumber()));
            rows.add(row);
            book = book.add(new BigDecimal(r.bookValue()));
            proceeds = proceeds.add(new BigDecimal(r.proceeds()));
            loss = loss.add(new BigDecimal(r.loss()));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("scope", scope);
        params.put("bookValue", book.toPlainString());
        params.put("proceeds", proceeds.toPlainString());
        params.put("loss", loss.toPlainString());
        return new Document(params, rows, name);
    }

    private static String details(RotationView r, Locale locale) {
        StringBuilder b = new StringBuilder();
        append(b, Labels.get("rotation.recipient", locale), r.recipient());
        append(b, Labels.get("rotation.enterprise", locale), r.enterpriseName());
        append(b, Labels.get("rotation.reason", locale), r.reason());
        append(b, Labels.get("rotation.unitCost", locale), r.unitCost());
        append(b, Labels.get("rotation.unitPrice", locale), r.unitPrice());
        if (r.replacement() != null) {
            RotationView.Replacement x = r.replacement();
            append(b, Labels.get("rotation.replacement", locale), x.lot() + " " + (x.productionDate() == null ? ""
                    : x.productionDate() + " – ") + (x.expiryDate() == null ? "" : x.expiryDate()) + " · "
                    + x.quantity() + " × " + x.unitCost() + " · " + Labels.get("rotation.priceDifference", locale) + " "
                    + x.priceDifference());
        }
        return b.toString();
    }

    public Document writeOff(long id, Locale locale) {
        WriteOffView w = writeOffs.get(id);
        boolean english = locale == Locale.ENGLISH;
        List<Map<String, ?>> rows = new ArrayList<>();
        for (WriteOffView.Signature s : w.signatures()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seq", String.valueOf(s.seq()));
            row.put("level", Labels.get("writeOff.level." + s.level(), locale));
            row.put("division", s.division());
            row.put("signedBy", s.signedBy());
            row.put("signedAt", time(s.signedAt()));
            rows.add(row);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("scope", w.number());
        params.put("period", Labels.get("writeOff.status." + w.status(), locale) + " · "
                + Labels.get("writeOff.cause." + w.cause(), locale));
        params.put("details", Labels.get("field.warehouse", locale) + " " + (english && w.warehouseNameEn() != null
                ? w.warehouseNameEn() : w.warehouseNameZh()) + " (" + w.warehouse() + ")    "
                + Labels.get("field.description", locale) + " " + w.description() + "    "
                + Labels.get("rotation.raisedBy", locale) + " " + w.createdBy() + " " + time(w.createdAt()));
        params.put("amount", Labels.get("field.amount", locale) + " " + w.amount() + "    "
                + Labels.get("writeOffForm.required", locale) + " " + Labels.get("writeOff.level." + w.requiredLevel(), locale));
        params.put("waiting", w.toSign().isEmpty() ? (w.rejectReason() == null ? "" : w.rejectReason())
                : Labels.get("writeOff.waitingFor", locale) + " " + Labels.get("writeOff.level." + w.toSign().get(0), locale));
        params.put("hash", w.hash() == null ? "" : Labels.get("writeOffForm.hash", locale) + " " + w.hash());
        return new Document(params, rows, w.number());
    }

    /** A date of the period, within the years the system deals in (a year like +999999999 is a 400, not a 500). */
    private static LocalDate date(String field, String text, LocalDate fallback) {
        return text == null || text.isBlank() ? fallback : org.reliefchain.platform.Limits.date(field, text);
    }

    private static void append(StringBuilder b, String label, String value) {
        if (value != null && !value.isBlank()) {
            b.append(b.length() == 0 ? "" : "    ").append(label).append(' ').append(value);
        }
    }

    private static String line(String key, String who, Instant at, Locale locale) {
        return Labels.get(key, locale) + " " + (who == null ? "________" : who + " " + time(at)) + "    ";
    }

    private static String time(Instant at) {
        return at == null ? "" : MINUTE.format(at);
    }
}
