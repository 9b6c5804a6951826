package org.reliefchain.finance.callup;

import java.time.LocalDate;

/**
 * A delivery against a call-up as the warehouse received it: the quantity, the lot number and dates as
 * delivered (expiry from the production date and the shelf life when left out), and the client's
 * idempotency key.
 */
public record ReceiptForm(String quantity, String lot, LocalDate productionDate, LocalDate expiryDate,
                          String idempotencyKey) {

    String canonical(long callUp) {
        return String.join("|", String.valueOf(callUp), CallUpForm.strip(quantity), CallUpForm.strip(lot),
                String.valueOf(productionDate), String.valueOf(expiryDate));
    }
}
