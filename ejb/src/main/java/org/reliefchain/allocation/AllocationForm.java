package org.reliefchain.allocation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** A new allocation order: from whom, to whom, what and why. Beans for Payara's OpenAPI scanner. */
public class AllocationForm {

    /** One requested material. */
    public static class LineForm {
        @NotBlank
        private String material;
        @NotBlank
        private String quantity;

        public String getMaterial() { return material; }
        public void setMaterial(String material) { this.material = material; }
        public String getQuantity() { return quantity; }
        public void setQuantity(String quantity) { this.quantity = quantity; }
    }

    @NotBlank
    private String fromWarehouse;
    @NotBlank
    private String toWarehouse;
    @NotBlank @Size(max = 300)
    private String purpose;
    /**
     * The number of the declared incident an emergency order serves (e.g. INC-2026-0001): such an order
     * may ship before approval. Must name an open incident the requester may see.
     */
    @Size(max = 30)
    private String incident;
    /** The former name of {@link #incident}, still accepted; free text is no longer. */
    @Size(max = 100)
    private String emergencyReference;
    @NotEmpty @Valid
    private List<LineForm> lines;

    public String getFromWarehouse() { return fromWarehouse; }
    public void setFromWarehouse(String fromWarehouse) { this.fromWarehouse = fromWarehouse; }
    public String getToWarehouse() { return toWarehouse; }
    public void setToWarehouse(String toWarehouse) { this.toWarehouse = toWarehouse; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String purpose) { this.purpose = purpose; }
    public String getIncident() { return incident; }
    public void setIncident(String incident) { this.incident = incident; }
    public String getEmergencyReference() { return emergencyReference; }
    public void setEmergencyReference(String emergencyReference) { this.emergencyReference = emergencyReference; }
    public List<LineForm> getLines() { return lines; }
    public void setLines(List<LineForm> lines) { this.lines = lines; }
}
