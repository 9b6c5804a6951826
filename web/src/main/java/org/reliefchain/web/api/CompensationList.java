package org.reliefchain.web.api;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.reliefchain.finance.requisition.ItemKind;
import org.reliefchain.finance.requisition.Outcome;
import org.reliefchain.finance.requisition.ReturnCondition;
import org.reliefchain.finance.requisition.RequisitionView;
import org.reliefchain.web.ui.Labels;

/**
 * The rows and headings of the compensation list (补偿清单): every item of the requisitions given, with what
 * became of it and how its amount follows from the published rule, in the reader's language. The same words
 * as the requisition page.
 */
public final class CompensationList {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    /** The rows of the list and its total (items not yet computed count nothing and say so). */
    record Built(List<Map<String, ?>> rows, String total) {
    }

    private CompensationList() {
    }

    static Built rows(List<RequisitionView> requisitions, Locale locale) {
        List<Map<String, ?>> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        int n = 0;
        for (RequisitionView r : requisitions) {
            for (RequisitionView.Item i : r.items()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("lineNo", String.valueOf(++n));
                row.put("requisition", r.number() + " " + r.takenOn());
                row.put("party", r.partyName() + (r.creditCode() != null ? " (" + r.creditCode() + ")"
                        : r.idNumber() != null ? " (" + r.idNumber() + ")" : ""));
                row.put("item", item(i, locale) + " · " + Labels.get("requisition.conditionTaken", locale) + " "
                        + i.conditionTaken());
                row.put("outcome", outcome(i, locale));
                row.put("basis", basis(i, locale));
                row.put("amount", i.compensation() == null ? Labels.get("requisition.notComputed", locale)
                        : i.compensation());
                if (i.compensation() != null) {
                    total = total.add(new BigDecimal(i.compensation()));
                }
                rows.add(row);
            }
        }
        return new Built(rows, total.toPlainString());
    }

    /** Headings of one requisition's list: its number, the incident, the party, who computed, approved and paid. */
    static Map<String, Object> one(RequisitionView r, Built built, Locale locale) {
        Map<String, Object> params = new HashMap<>();
        boolean english = locale == Locale.ENGLISH;
        params.put("scope", r.number());
        params.put("period", r.incidentNumber() + " " + r.incidentName() + " · "
                + Labels.get("requisition.status." + r.status(), locale));
        params.put("parties", Labels.get("requisition.party", locale) + " " + r.partyName() + "    "
                + Labels.get("requisition.division", locale) + " " + (english ? r.divisionNameEn() : r.divisionNameZh())
                + " (" + r.division() + ")    " + Labels.get("field.warehouse", locale) + " "
                + (english ? r.warehouseNameEn() : r.warehouseNameZh()));
        params.put("total", built.total());
        params.put("signatures", sign("requisition.computedBy", r.computedBy(), r.computedAt(), locale)
                + sign("requisition.approvedBy", r.approvedBy(), r.approvedAt(), locale)
                + Labels.get("requisition.paid", locale) + " "
                + (r.paymentRef() == null ? "________" : r.paymentRef() + " " + r.paidOn()));
        return params;
    }

    /** Headings of an incident's list. */
    static Map<String, Object> incident(String incidentNumber, String incidentName, int requisitions, Built built,
                                        Locale locale) {
        Map<String, Object> params = new HashMap<>();
        params.put("scope", incidentNumber);
        params.put("period", incidentName);
        params.put("parties", Labels.get("requisition.count", locale) + " " + requisitions);
        params.put("total", built.total());
        params.put("signatures", "");
        return params;
    }

    private static String sign(String key, String who, java.time.Instant when, Locale locale) {
        return Labels.get(key, locale) + " " + (who == null ? "________" : who + " " + MINUTE.format(when)) + "    ";
    }

    public static String item(RequisitionView.Item i, Locale locale) {
        boolean english = locale == Locale.ENGLISH;
        String kind = Labels.get("requisition.kind." + i.kind(), locale);
        return switch (i.kind()) {
            case GOODS -> kind + " " + (english ? i.materialNameEn() : i.materialNameZh()) + " " + i.quantity() + " "
                    + (english ? i.unitEn() : i.unitZh()) + " · " + Labels.get("field.lot", locale) + " " + i.lot();
            case VEHICLE -> kind + " " + i.registration() + " " + Labels.get("fleet.kind." + i.vehicleKind(), locale);
            case PREMISES -> kind + " " + i.address() + " " + i.areaM2() + " m²";
        };
    }

    public static String outcome(RequisitionView.Item i, Locale locale) {
        if (i.outcome() == null) {
            return Labels.get("requisition.held", locale);
        }
        String s = Labels.get("requisition.outcome." + i.outcome(), locale);
        if (i.outcome() == Outcome.RETURNED) {
            s += " · " + Labels.get("requisition.condition." + i.condition(), locale);
        }
        if (i.outcome() == Outcome.CONSUMED) {
            s += " " + i.quantityConsumed();
        }
        return s + " · " + i.settledOn();
    }

    /** How the amount follows from the rule, e.g. "40 × 23.34" or "7 天 × 850.00 + 维修 3260.50". */
    public static String basis(RequisitionView.Item i, Locale locale) {
        if (i.outcome() == null) {
            return "";
        }
        return switch (i.outcome()) {
            case CONSUMED -> i.quantityConsumed() + " × " + i.unitValue() + " (" + i.valuationBasis() + ", "
                    + i.valuedOn() + ")";
            case LOST -> Labels.get("requisition.residualValue", locale) + " " + i.residualValue();
            case RETURNED -> (i.kind() == ItemKind.GOODS ? "" : i.daysHeld() + " " + Labels.get("requisition.days", locale)
                    + " × " + i.dailyFee()) + (i.condition() == ReturnCondition.DAMAGED
                    ? (i.kind() == ItemKind.GOODS ? "" : " + ") + Labels.get("requisition.repairCost", locale) + " "
                    + i.repairCost() : i.kind() == ItemKind.GOODS ? Labels.get("requisition.nothingOwed", locale) : "");
        };
    }
}
