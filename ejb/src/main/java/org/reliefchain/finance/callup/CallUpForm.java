package org.reliefchain.finance.callup;

/**
 * Ordering a call-up, as the client sent it: the agreement line (1, 2, ...), the quantity, the
 * receiving warehouse's code, optionally the incident (its id), the day's market price or the
 * enterprise's cost when the price rule needs one ({@code priceBasis}, yuan per unit), a note, and the
 * client's idempotency key (a retry with the same key and request answers with the first call-up).
 */
public record CallUpForm(Integer line, String quantity, String warehouse, Long incident, String priceBasis,
                         String note, String idempotencyKey) {

    /** Every field that defines the request, for telling a retry from a reused key. */
    String canonical(long agreement) {
        return String.join("|", String.valueOf(agreement), String.valueOf(line), strip(quantity), strip(warehouse),
                String.valueOf(incident), strip(priceBasis), strip(note));
    }

    static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
