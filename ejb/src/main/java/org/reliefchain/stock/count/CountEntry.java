package org.reliefchain.stock.count;

import java.util.List;

/** Counted quantities for some lots of a count (a bean for Payara's OpenAPI scanner). */
public class CountEntry {

    /** What was found of one lot. */
    public static class LotCount {
        private Long lotId;
        private String material;
        private String lot;
        private String counted;
        private String note;

        /** The lot's id in the count's lines; needed only when two lots of the count share material and number. */
        public Long getLotId() { return lotId; }
        public void setLotId(Long lotId) { this.lotId = lotId; }
        public String getMaterial() { return material; }
        public void setMaterial(String material) { this.material = material; }
        public String getLot() { return lot; }
        public void setLot(String lot) { this.lot = lot; }
        public String getCounted() { return counted; }
        public void setCounted(String counted) { this.counted = counted; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
    }

    private List<LotCount> lines;

    public List<LotCount> getLines() { return lines; }
    public void setLines(List<LotCount> lines) { this.lines = lines; }
}
