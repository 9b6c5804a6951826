package org.reliefchain.web.ui;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.reliefchain.allocation.AllocationForm;
import org.reliefchain.allocation.AllocationService;
import org.reliefchain.allocation.AllocationStatus;
import org.reliefchain.allocation.AllocationView;
import org.reliefchain.catalog.CatalogService;
import org.reliefchain.catalog.MaterialView;
import org.reliefchain.incident.IncidentService;
import org.reliefchain.incident.IncidentView;
import org.reliefchain.network.WarehouseKind;
import org.reliefchain.network.WarehouseQuery;
import org.reliefchain.network.WarehouseService;
import org.reliefchain.network.WarehouseStatus;
import org.reliefchain.network.WarehouseView;
import org.reliefchain.platform.PageRequest;

/**
 * Allocation orders: a request form for managers, and three lists: what waits for me (to approve, ship or
 * receive), what I asked for, and every order of my jurisdiction. Each order opens on its own page, which
 * offers the actions the viewer may take.
 */
@Named
@ViewScoped
public class AllocationDesk implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int LISTED = 100;

    @Inject
    private AllocationService allocations;
    @Inject
    private CatalogService catalog;
    @Inject
    private IncidentService incidentService;
    @Inject
    private LocaleSelector locale;
    @Inject
    private Navigation navigation;
    @Inject
    private WarehouseService warehouses;
    @Inject
    private Pickers pickers;

    private List<AllocationView> inbox;
    private List<AllocationView> outbox;
    private List<AllocationView> all;
    private AllocationStatus statusFilter;
    private List<MaterialView> materials;
    private List<IncidentView> openIncidents;

    /** A request prefilled from a shortfall on the alerts page: destination, material and quantity. */
    private String prefillTo;
    private String prefillMaterial;
    private String prefillQuantity;

    private String fromWarehouse;
    private String toWarehouse;
    private final List<RequestLine> requestLines = new ArrayList<>(List.of(new RequestLine()));
    private String purpose;
    private String emergencyReference;

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

    @PostConstruct
    void init() {
        materials = catalog.list(null, null, PageRequest.of(0, PageRequest.MAX_SIZE)).items();
        reload();
    }

    public void reload() {
        if (navigation.isStockKeeper()) {
            inbox = allocations.list(null, AllocationService.Box.INBOX, PageRequest.of(0, LISTED)).items();
            outbox = allocations.list(null, AllocationService.Box.OUTBOX, PageRequest.of(0, LISTED)).items();
        } else {
            inbox = List.of();
            outbox = List.of();
        }
        all = allocations.list(statusFilter, AllocationService.Box.ALL, PageRequest.of(0, LISTED)).items();
    }

    /**
     * Prefills the request from the alerts page's shortfall: the warehouse short of the material as destination,
     * the quantity short, and as source the government reserve one level up, which the user may change.
     */
    public void prefill() {
        if (prefillTo == null || prefillTo.isBlank() || !navigation.isStockKeeper()) {
            return;
        }
        List<WarehouseView> to = warehouses.pick(prefillTo.trim(), true, 1);
        if (to.isEmpty() || !to.get(0).code().equals(prefillTo.trim())) {
            return;
        }
        toWarehouse = pickers.label(to.get(0));
        parentReserve(to.get(0).division()).ifPresent(w -> fromWarehouse = pickers.label(w));
        RequestLine line = requestLines.get(0);
        line.setMaterial(prefillMaterial);
        line.setQuantity(prefillQuantity);
        purpose = locale.text("allocation.shortfallPurpose");
    }

    private java.util.Optional<WarehouseView> parentReserve(String division) {
        String code = division;
        while (code.length() > 2) {
            // Division codes: province 2 digits, city 4, county 6, township 9, village 12.
            code = code.substring(0, code.length() > 6 ? code.length() - 3 : code.length() - 2);
            String parent = code;
            java.util.Optional<WarehouseView> found = warehouses.list(new WarehouseQuery(null,
                            org.reliefchain.division.DivisionCode.of(parent), WarehouseKind.GOVERNMENT, null),
                    PageRequest.of(0, 50)).items().stream()
                    .filter(w -> w.division().equals(parent) && w.status() == WarehouseStatus.ACTIVE).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return java.util.Optional.empty();
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

    /** Saves the request as a draft and opens it, where it is checked once more and submitted. */
    public String request() {
        AllocationForm form = new AllocationForm();
        form.setFromWarehouse(pickers.warehouseCode(fromWarehouse));
        form.setToWarehouse(pickers.warehouseCode(toWarehouse));
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
        if (created == null) {
            return null;
        }
        FacesMessages.info(locale.text("allocation.created"));
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/app/allocation?faces-redirect=true&id=" + created.id();
    }

    /** What the inbox row waits for, in words: to approve, to ship or to receive. */
    public String waitingFor(AllocationView o) {
        for (String action : List.of("APPROVE", "SHIP", "RECEIVE")) {
            if (o.can(action)) {
                return locale.text("allocation.waiting." + action);
            }
        }
        return "";
    }

    public String reference(AllocationView o) {
        return o.number() != null ? o.number() : locale.text("allocation.draftNo", String.valueOf(o.id()));
    }

    public String statusLabel(AllocationView o) {
        return locale.text("allocation.status." + o.status());
    }

    public String place(AllocationView.Place p) {
        return locale.name(p.nameZh(), p.nameEn());
    }

    /** "棉被 × 5 床; 毛毯 × 3 条" in the user's language. */
    public String lines(AllocationView o) {
        StringBuilder s = new StringBuilder();
        for (AllocationView.Line l : o.lines()) {
            s.append(s.length() == 0 ? "" : "; ").append(locale.name(l.materialZh(), l.materialEn()))
                    .append(" × ").append(l.requested()).append(' ').append(locale.name(l.unitZh(), l.unitEn()));
        }
        return s.toString();
    }

    public String materialName(MaterialView m) {
        return locale.isEnglish() ? m.nameEn() : m.nameZh();
    }

    public List<AllocationStatus> getStatuses() {
        return List.of(AllocationStatus.values());
    }

    /** Open incidents the user may see: an emergency order names one of them. */
    public List<IncidentView> getOpenIncidents() {
        if (openIncidents == null) {
            openIncidents = incidentService.open();
        }
        return openIncidents;
    }

    public String getPrefillTo() { return prefillTo; }
    public void setPrefillTo(String prefillTo) { this.prefillTo = prefillTo; }
    public String getPrefillMaterial() { return prefillMaterial; }
    public void setPrefillMaterial(String prefillMaterial) { this.prefillMaterial = prefillMaterial; }
    public String getPrefillQuantity() { return prefillQuantity; }
    public void setPrefillQuantity(String prefillQuantity) { this.prefillQuantity = prefillQuantity; }
    public List<AllocationView> getInbox() { return inbox; }
    public List<AllocationView> getOutbox() { return outbox; }
    public List<AllocationView> getAll() { return all; }
    public AllocationStatus getStatusFilter() { return statusFilter; }
    public void setStatusFilter(AllocationStatus statusFilter) { this.statusFilter = statusFilter; }
    public List<MaterialView> getMaterials() { return materials; }
    public String getFromWarehouse() { return fromWarehouse; }
    public void setFromWarehouse(String fromWarehouse) { this.fromWarehouse = fromWarehouse; }
    public String getToWarehouse() { return toWarehouse; }
    public void setToWarehouse(String toWarehouse) { this.toWarehouse = toWarehouse; }
    public List<RequestLine> getRequestLines() { return requestLines; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String purpose) { this.purpose = purpose; }
    public String getEmergencyReference() { return emergencyReference; }
    public void setEmergencyReference(String emergencyReference) { this.emergencyReference = emergencyReference; }
}
