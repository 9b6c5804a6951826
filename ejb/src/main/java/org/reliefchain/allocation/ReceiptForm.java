package org.reliefchain.allocation;

import java.util.List;

import jakarta.validation.constraints.Size;

/**
 * What arrived, per material; materials left out arrived complete and undamaged. Beans for Payara's
 * OpenAPI scanner.
 */
public class ReceiptForm {

    /** What arrived of one material. */
    public static class LineReceipt {
        private String material;
        private String received;
        private String damaged;
        @Size(max = 300)
        private String note;

        public String getMaterial() { return material; }
        public void setMaterial(String material) { this.material = material; }
        public String getReceived() { return received; }
        public void setReceived(String received) { this.received = received; }
        public String getDamaged() { return damaged; }
        public void setDamaged(String damaged) { this.damaged = damaged; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
    }

    private List<LineReceipt> lines;

    public List<LineReceipt> getLines() { return lines; }
    public void setLines(List<LineReceipt> lines) { this.lines = lines; }
}
