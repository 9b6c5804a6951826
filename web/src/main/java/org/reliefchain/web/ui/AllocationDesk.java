package org.reliefchain.web.ui;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.reliefchain.allocation.AllocationForm;
import org.reliefchain.allocation.AllocationService;
import org.reliefchain.allocation.AllocationView;
import org.reliefchain.allocation.ReceiptForm;
import org.reliefchain.catalog.CatalogService;
import org.reliefchain.catalog.MaterialView;
import org.reliefchain.platform.PageRequest;

/**
 * Allocation orders for warehouse managers: a request form, the outbox (what I asked for) and the
 * inbox (what waits for me to approve or ship), with the actions each order allows.
 */
@Named
@ViewScoped
public class AllocationDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AllocationService allocations;
    @Inject
    private CatalogService catalog;
    @Inject
    private LocaleSelector locale;

    private List<AllocationView> inbox;
    private List<AllocationView> outbox;
    private List<MaterialView> materials;

    private String fromWarehouse;
    private String toWarehouse;
    private final List<RequestLine> requestLines = new ArrayList<>(List.of(new RequestLine()));
    private String purpose;
    private String emergencyReference;
    private List<org.reliefchain.incident.IncidentView> openIncidents;
    @Inject
    private org.reliefchain.incident.IncidentService incidentService;
    private String rejectionReason;
    /** The shipped order being received, with what arrived per material; null when none is open. */
    private AllocationView receiving;
    private List<ReceiptLine> receiptLines = List.of();

    /** One material of a request being written. */
    public static class RequestLine implements Serializable {
        private static final long serialVersionUID = 1L;
        private String material;
        private String quantity;

        public String getMaterial() { return material; }
        public void setMaterial(String material) { this.material = material; }
        public String getQuantity() { return quantity; }
        public void setQuantity(String quantity) { this.quantity = quantity; }

        boolean blank() {
            return (material == null || material.isBlank()) && (quantity == null || quantity.isBlank());
        }
    }

    /** What arrived of one shipped material; received left empty means "all the rest arrived intact". */
    public static class ReceiptLine implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String material;
        private final String shipped;
        private String received;
        private String damaged;
        private String note;

        ReceiptLine(String material, String shipped) {
            this.material = material;
            this.shipped = shipped;
        }

        public String getMaterial() { return material; }
        public String getShipped() { return shipped; }
        public String getReceived() { return received; }
        public void setReceived(String received) { this.received = received; }
        public String getDamaged() { return damaged; }
        public void setDamaged(String damaged) { this.damaged = damaged; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
    }

    @PostConstruct
    void init() {
        materials = catalog.list(null, null, PageRequest.of(0, PageRequest.MAX_SIZE)).items();
        reload();
    }

    public void reload() {
        inbox = allocations.list(null, AllocationService.Box.INBOX, PageRequest.of(0, 100)).items();
        outbox = allocations.list(null, AllocationService.Box.OUTBOX, PageRequest.of(0, 100)).items();
    }

    public void addLine() {
        requestLines.add(new RequestLine());
    }

    public void removeLine(RequestLine line) {
        requestLines.remove(line);
        if (requestLines.isEmpty()) {
            requestLines.add(new RequestLine());
        }
    }

    public void request() {
        AllocationForm form = new AllocationForm();
        form.setFromWarehouse(fromWarehouse);
        form.setToWarehouse(toWarehouse);
        form.setPurpose(purpose);
        form.setIncident(emergencyReference);
        List<AllocationForm.LineForm> lines = new ArrayList<>();
        for (RequestLine r : requestLines) {
            if (!r.blank()) {
                AllocationForm.LineForm line = new AllocationForm.LineForm();
                line.setMaterial(r.getMaterial());
                line.setQuantity(r.getQuantity());
                lines.add(line);
            }
        }
        form.setLines(lines);
        AllocationView created = FacesMessages.attempt(() -> allocations.create(form));
        if (created != null) {
            FacesMessages.info(locale.text("allocation.created", created.number()));
            requestLines.clear();
            requestLines.add(new RequestLine());
            reload();
        }
    }

    public void submit(AllocationView o) {
        done(FacesMessages.attempt(() -> allocations.submit(o.id())));
    }

    public void approve(AllocationView o) {
        done(FacesMessages.attempt(() -> allocations.approve(o.id())));
    }

    public void reject(AllocationView o) {
        done(FacesMessages.attempt(() -> allocations.reject(o.id(), rejectionReason)));
    }

    public void ship(AllocationView o) {
        done(FacesMessages.attempt(() -> allocations.ship(o.id())));
    }

    /** Opens the receipt panel for a shipped order, every line defaulting to "arrived as shipped". */
    public void startReceipt(AllocationView o) {
        receiving = o;
        receiptLines = o.lines().stream().map(l -> new ReceiptLine(l.material(), l.shipped())).toList();
    }

    public void cancelReceipt() {
        receiving = null;
        receiptLines = List.of();
    }

    /** Records what arrived; the difference to what was shipped is the shortage. */
    public void confirmReceipt() {
        ReceiptForm form = new ReceiptForm();
        form.setLines(receiptLines.stream().map(r -> {
            ReceiptForm.LineReceipt line = new ReceiptForm.LineReceipt();
            line.setMaterial(r.getMaterial());
            line.setReceived(r.getReceived());
            line.setDamaged(r.getDamaged() == null || r.getDamaged().isBlank() ? null : r.getDamaged());
            line.setNote(r.getNote());
            return line;
        }).toList());
        long id = receiving.id();
        AllocationView result = FacesMessages.attempt(() -> allocations.receive(id, form));
        if (result != null) {
            cancelReceipt();
        }
        done(result);
    }

    private void done(AllocationView result) {
        if (result != null) {
            FacesMessages.info(locale.text("allocation.now", result.number(),
                    locale.text("allocation.status." + result.status())));
            reload();
        }
    }

    public String statusLabel(AllocationView o) {
        return locale.text("allocation.status." + o.status());
    }

    public String lines(AllocationView o) {
        StringBuilder s = new StringBuilder();
        for (AllocationView.Line l : o.lines()) {
            s.append(s.length() == 0 ? "" : "; ").append(l.material()).append(" × ").append(l.requested());
            if (positive(l.shortage())) {
                s.append(" (").append(locale.text("allocation.short", l.shortage())).append(')');
            }
            if (positive(l.damaged())) {
                s.append(" (").append(locale.text("allocation.damagedNote", l.damaged())).append(')');
            }
        }
        return s.toString();
    }

    private static boolean positive(String quantity) {
        return quantity != null && new java.math.BigDecimal(quantity).signum() > 0;
    }

    public String materialName(MaterialView m) {
        return locale.isEnglish() ? m.nameEn() : m.nameZh();
    }

    public List<AllocationView> getInbox() { return inbox; }
    public List<AllocationView> getOutbox() { return outbox; }
    public List<MaterialView> getMaterials() { return materials; }
    public String getFromWarehouse() { return fromWarehouse; }
    public void setFromWarehouse(String fromWarehouse) { this.fromWarehouse = fromWarehouse; }
    public String getToWarehouse() { return toWarehouse; }
    public void setToWarehouse(String toWarehouse) { this.toWarehouse = toWarehouse; }
    public List<RequestLine> getRequestLines() { return requestLines; }
    public AllocationView getReceiving() { return receiving; }
    public List<ReceiptLine> getReceiptLines() { return receiptLines; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String purpose) { this.purpose = purpose; }
    /** Open incidents the user may see: an emergency order names one of them. */
    public List<org.reliefchain.incident.IncidentView> getOpenIncidents() {
        if (openIncidents == null) {
            openIncidents = incidentService.list(null, org.reliefchain.platform.PageRequest.of(0, 100)).items().stream()
                    .filter(i -> i.status() != org.reliefchain.incident.IncidentStatus.CLOSED).toList();
        }
        return openIncidents;
    }

    public String getEmergencyReference() { return emergencyReference; }
    public void setEmergencyReference(String emergencyReference) { this.emergencyReference = emergencyReference; }
    public String getRejectionReason() { return rejectionReason; }
    public void setRejectionReason(String rejectionReason) { this.rejectionReason = rejectionReason; }
}
