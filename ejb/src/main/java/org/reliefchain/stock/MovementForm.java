package org.reliefchain.stock;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A stock movement as a client sends it. Which fields apply depends on {@code type}:
 * RECEIPT (lot, productionDate, expiryDate, source, unitCost, owner), ISSUE and WRITE_OFF (lot
 * optional: first-expiry-first-out when left out), TRANSFER (toWarehouse; lot optional), REVERSAL
 * (reverses: the movement id). A bean rather than a record for Payara's OpenAPI scanner.
 */
public class MovementForm {

    /** Money as sent: {@code {"amount":"35.80","currency":"CNY"}}. */
    public static class MoneyForm {
        private String amount;
        private String currency;

        public String getAmount() { return amount; }
        public void setAmount(String amount) { this.amount = amount; }
        public String getCurrency() { return currency; }
        public void setCurrency(String currency) { this.currency = currency; }
    }

    @NotBlank
    private String type;
    private String warehouse;
    private String material;
    private String lot;
    private String quantity;
    @NotBlank @Size(max = 300)
    private String reason;
    @Size(max = 100)
    private String reference;
    @NotBlank @Size(max = 100)
    private String idempotencyKey;
    private String occurredAt;
    private String productionDate;
    private String expiryDate;
    private String source;
    private MoneyForm unitCost;
    @Size(max = 100)
    private String owner;
    private String toWarehouse;
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
