package org.reliefchain.stock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A stock movement as a client sends it. Which fields apply depends on {@code type}:
 * RECEIPT (lot, productionDate, expiryDate, source, unitCost, owner), ISSUE and WRITE_OFF (lot
 * optional: first-expiry-first-out when left out), TRANSFER (toWarehouse; lot optional), REVERSAL
 * (reverses: the movement id). A bean rather than a record for Payara's OpenAPI scanner.
 */
public class MovementForm {

    /** Money as sent: {@code {"amount":"35.80","currency":"CNY"}}. */
    public static class MoneyForm {
        @Size(max = 40)
        @Schema(description = "a decimal with at most 2 decimals, 0 to 999999999999.99", example = "35.80")
        private String amount;
        @Size(max = 3)
        @Schema(description = "an ISO 4217 currency code", example = "CNY")
        private String currency;

        public String getAmount() { return amount; }
        public void setAmount(String amount) { this.amount = amount; }
        public String getCurrency() { return currency; }
        public void setCurrency(String currency) { this.currency = currency; }
    }

    @NotBlank @Size(max = 20)
    @Schema(description = "RECEIPT, ISSUE, TRANSFER, WRITE_OFF or REVERSAL", example = "RECEIPT")
    private String type;
    @Size(max = 32)
    @Schema(description = "the warehouse's code (all types but REVERSAL)", example = "WH-330324-01")
    private String warehouse;
    @Size(max = 24)
    @Schema(description = "the material's code (all types but REVERSAL)", example = "TENT")
    private String material;
    @Size(max = 40)
    @Schema(description = "the lot number: required for RECEIPT; optional for ISSUE, TRANSFER and WRITE_OFF"
            + " (first-expiry-first-out when left out)")
    private String lot;
    @Size(max = 40)
    @Schema(description = "a positive decimal with at most 3 decimals, at most 99999999999.999, in the material's"
            + " unit (whole units for countable materials)", example = "12.5")
    private String quantity;
    @NotBlank @Size(max = 300)
    @Schema(description = "why the stock moves")
    private String reason;
    @Size(max = 100)
    @Schema(description = "the document it moves under, e.g. a delivery note number")
    private String reference;
    @NotBlank @Size(max = 100)
    @Schema(description = "a key of the client's choosing: a retry with the same key and request is answered"
            + " with the first result")
    private String idempotencyKey;
    @Size(max = 40)
    @Schema(description = "ISO-8601 instant, years 1900 to 9999, not in the future; now when left out",
            example = "2026-08-10T01:45:00Z")
    private String occurredAt;
    @Size(max = 10)
    @Schema(description = "RECEIPT: ISO-8601 date, years 1900 to 9999, not after expiryDate", example = "2026-01-31")
    private String productionDate;
    @Size(max = 10)
    @Schema(description = "RECEIPT: ISO-8601 date, years 1900 to 9999; from productionDate and the shelf life"
            + " when left out", example = "2029-01-31")
    private String expiryDate;
    @Size(max = 12)
    @Schema(description = "RECEIPT: PURCHASE (default), DONATION, TRANSFER, AGREEMENT or REQUISITION")
    private String source;
    @Valid
    @Schema(description = "RECEIPT: the cost of one unit")
    private MoneyForm unitCost;
    @Size(max = 100)
    @Schema(description = "RECEIPT: who owns the goods; the warehouse when left out")
    private String owner;
    @Size(max = 32)
    @Schema(description = "TRANSFER: the receiving warehouse's code")
    private String toWarehouse;
    @Schema(description = "REVERSAL: the id of the movement to cancel")
    private Long reverses;

    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getWarehouse() { return warehouse; }
    public void setWarehouse(String warehouse) { this.warehouse = warehouse; }
    public String getMaterial() { return material; }
    public void setMaterial(String material) { this.material = material; }
    public String getLot() { return lot; }
    public void setLot(String lot) { this.lot = lot; }
    public String getQuantity() { return quantity; }
    public void setQuantity(String quantity) { this.quantity = quantity; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public String getOccurredAt() { return occurredAt; }
    public void setOccurredAt(String occurredAt) { this.occurredAt = occurredAt; }
    public String getProductionDate() { return productionDate; }
    public void setProductionDate(String productionDate) { this.productionDate = productionDate; }
    public String getExpiryDate() { return expiryDate; }
    public void setExpiryDate(String expiryDate) { this.expiryDate = expiryDate; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public MoneyForm getUnitCost() { return unitCost; }
    public void setUnitCost(MoneyForm unitCost) { this.unitCost = unitCost; }
    public String getOwner() { return owner; }
    public void setOwner(String owner) { this.owner = owner; }
    public String getToWarehouse() { return toWarehouse; }
    public void setToWarehouse(String toWarehouse) { this.toWarehouse = toWarehouse; }
    public Long getReverses() { return reverses; }
    public void setReverses(Long reverses) { this.reverses = reverses; }

    /** Every field that defines the request, for telling a retry from a reused key. */
    String canonical() {
        return String.join("|", type, warehouse, material, lot, quantity, reason, reference, occurredAt,
                productionDate, expiryDate, source, unitCost == null ? null : unitCost.amount + " " + unitCost.currency,
                owner, toWarehouse, String.valueOf(reverses));
    }
}
