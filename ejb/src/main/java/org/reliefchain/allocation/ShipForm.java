package org.reliefchain.allocation;

import java.util.List;

import jakarta.validation.constraints.Size;

/**
 * What the source ships. Without lines everything is shipped as asked; a line names a material of the order and
 * the quantity leaving (0 up to what was asked). Shipping less than asked needs a {@code reason}: the rest of
 * every line is closed short (不再补发), it does not stay open as a back order.
 */
public class ShipForm {

    /** One material and the quantity shipped. */
    public static class LineShipment {
        private String material;
        private String quantity;

        public String getMaterial() { return material; }
        public void setMaterial(String material) { this.material = material; }
        public String getQuantity() { return quantity; }
        public void setQuantity(String quantity) { this.quantity = quantity; }
    }

    private List<LineShipment> lines;
    @Size(max = 300)
    private String reason;

    public List<LineShipment> getLines() { return lines; }
    public void setLines(List<LineShipment> lines) { this.lines = lines; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
