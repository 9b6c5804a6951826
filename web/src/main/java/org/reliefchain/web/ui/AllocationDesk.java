package org.reliefchain.web.ui;

import java.io.Serializable;
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
    private String material;
    private String quantity;
    private String purpose;
    private String emergencyReference;
    private String rejectionReason;

    @PostConstruct
    void init() {
        materials = catalog.list(null, null, PageRequest.of(0, PageRequest.MAX_SIZE)).items();
        reload();
    }

    public void reload() {
        inbox = allocations.list(null, AllocationService.Box.INBOX, PageRequest.of(0, 100)).items();
        outbox = allocations.list(null, AllocationService.Box.OUTBOX, PageRequest.of(0, 100)).items();
    }

    public void request() {
        AllocationForm form = new AllocationForm();
        form.setFromWarehouse(fromWarehouse);
        form.setToWarehouse(toWarehouse);
        form.setPurpose(purpose);
        form.setEmergencyReference(emergencyReference);
        AllocationForm.LineForm line = new AllocationForm.LineForm();
        line.setMaterial(material);
        line.setQuantity(quantity);
        form.setLines(List.of(line));
        AllocationView created = FacesMessages.attempt(() -> allocations.create(form));
        if (created != null) {
            FacesMessages.info(locale.text("allocation.created", created.number()));
            quantity = null;
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

    /** Receives everything that was shipped; shortage and damage are recorded through the API for now. */
    public void receive(AllocationView o) {
        done(FacesMessages.attempt(() -> allocations.receive(o.id(), new ReceiptForm())));
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
        }
        return s.toString();
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
    public String getMaterial() { return material; }
    public void setMaterial(String material) { this.material = material; }
    public String getQuantity() { return quantity; }
    public void setQuantity(String quantity) { this.quantity = quantity; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String purpose) { this.purpose = purpose; }
    public String getEmergencyReference() { return emergencyReference; }
    public void setEmergencyReference(String emergencyReference) { this.emergencyReference = emergencyReference; }
    public String getRejectionReason() { return rejectionReason; }
    public void setRejectionReason(String rejectionReason) { this.rejectionReason = rejectionReason; }
}
