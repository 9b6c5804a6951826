package org.reliefchain.web.ui;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;
import org.reliefchain.finance.enterprise.EnterpriseService;
import org.reliefchain.finance.enterprise.EnterpriseView;
import org.reliefchain.finance.rotation.RotationForm;
import org.reliefchain.finance.rotation.RotationMethod;
import org.reliefchain.finance.rotation.RotationService;
import org.reliefchain.finance.rotation.RotationStatus;
import org.reliefchain.finance.rotation.RotationView;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.stock.BalanceQuery;
import org.reliefchain.stock.BalanceView;
import org.reliefchain.stock.StockQueries;

/**
 * Rotation plans of the user's jurisdiction, and the form a warehouse manager raises one with: the warehouse
 * and the lot are picked by name (the alerts page's "rotate" action fills them in), the enterprise by name.
 */
@Named
@ViewScoped
public class RotationDesk implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int OFFERED = 20;
    /** Lots offered for rotation: those expiring within a year, soonest first. */
    private static final int WITHIN_DAYS = 365;

    @Inject
    private RotationService rotations;
    @Inject
    private StockQueries stock;
    @Inject
    private EnterpriseService enterprises;
    @Inject
    private LocaleSelector locale;
    @Inject
    private Pickers pickers;

    private RotationStatus status;
    private final LazyDataModel<RotationView> list = new PagedModel<>(
            (page, size) -> rotations.list(status, new PageRequest(page, size)), r -> String.valueOf(r.id()));

    // from the alerts page: ?warehouse=&material=&lot=
    private String fromWarehouse;
    private String fromMaterial;
    private String fromLot;

    private String warehouse;
    private String lot;
    /** Picker label -> "material|lot" of the lots last offered. */
    private final Map<String, String[]> offered = new LinkedHashMap<>();
    private RotationMethod method = RotationMethod.SELL;
    private String quantity;
    private String unitPrice;
    private String recipient;
    private String reason;
    private String enterprise;
    private String newLot;
    private String newProduction;
    private String newExpiry;
    private String newQuantity;
    private String newUnitCost;
    private String priceDifference;
    private boolean open;

    /** Fills the form from the alerts page's near-expiry row. */
    public void load() {
        if (fromWarehouse != null && fromMaterial != null && fromLot != null) {
            List<BalanceView> held = FacesMessages.attempt(() -> stock.balances(new BalanceQuery(fromWarehouse,
                    fromMaterial, null, null, null, fromLot), PageRequest.of(0, 1)).items());
            if (held != null && !held.isEmpty()) {
                BalanceView b = held.get(0);
                warehouse = locale.name(b.warehouseName(), b.warehouseNameEn()) + " (" + b.warehouse() + ")";
                lot = lotLabel(b);
                offered.put(lot, new String[] {b.material(), b.lot()});
                quantity = b.quantity();
                open = true;
            }
        }
    }

    /** Lots held at the picked warehouse, soonest expiry first, whose material or number matches. */
    public List<String> pickLot(String query) {
        String code = pickers.warehouseCode(warehouse);
        if (code == null) {
            return List.of();
        }
        List<BalanceView> held = FacesMessages.attempt(() -> stock.balances(new BalanceQuery(code, null, null, null,
                WITHIN_DAYS, null), PageRequest.of(0, 200), true).items());
        if (held == null) {
            return List.of();
        }
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return held.stream().filter(b -> q.isEmpty() || b.lot().toLowerCase(Locale.ROOT).contains(q)
                        || b.materialNameZh().contains(q) || b.material().toLowerCase(Locale.ROOT).contains(q)
                        || b.materialNameEn() != null && b.materialNameEn().toLowerCase(Locale.ROOT).contains(q))
                .limit(OFFERED).map(b -> {
                    String label = lotLabel(b);
                    offered.put(label, new String[] {b.material(), b.lot()});
                    return label;
                }).toList();
    }

    public List<String> pickEnterprise(String query) {
        return enterprises.pick(query, OFFERED).stream().map(e -> e.name() + " (" + e.creditCode() + ")").toList();
    }

    private String lotLabel(BalanceView b) {
        return locale.name(b.materialNameZh(), b.materialNameEn()) + " · " + b.lot() + " · "
                + locale.text("rotation.expires", String.valueOf(b.expiryDate())) + " · " + b.quantity() + " "
                + locale.name(b.unitZh(), b.unitEn());
    }

    public void raise() {
        String[] picked = lot == null ? null : offered.get(lot);
        RotationForm.ReplacementForm replacement = method == RotationMethod.EXCHANGE
                ? new RotationForm.ReplacementForm(newLot, newProduction, newExpiry, newQuantity, newUnitCost,
                priceDifference) : null;
        RotationForm form = new RotationForm(pickers.warehouseCode(warehouse), picked == null ? null : picked[0],
                picked == null ? (lot == null || lot.isBlank() ? null : lot) : picked[1], quantity, method,
                method.priced() ? unitPrice : null, recipient, reason, enterpriseId(), replacement, null);
        RotationView raised = FacesMessages.attempt(() -> rotations.raise(form));
        if (raised != null) {
            FacesMessages.info(locale.text("rotation.raised", raised.number()));
            lot = quantity = unitPrice = recipient = reason = enterprise = null;
            newLot = newProduction = newExpiry = newQuantity = newUnitCost = priceDifference = null;
        }
    }

    private Long enterpriseId() {
        String code = Pickers.code(enterprise);
        if (code == null) {
            return null;
        }
        List<EnterpriseView> found = enterprises.pick(code, 2);
        return found.size() == 1 ? found.get(0).id() : null;
    }

    public String warehouse(RotationView r) {
        return locale.name(r.warehouseNameZh(), r.warehouseNameEn());
    }

    public String material(RotationView r) {
        return locale.name(r.materialNameZh(), r.materialNameEn());
    }

    public String unit(RotationView r) {
        return locale.name(r.unitZh(), r.unitEn());
    }

    public RotationMethod[] getMethods() { return RotationMethod.values(); }
    public RotationStatus[] getStatuses() { return RotationStatus.values(); }
    public LazyDataModel<RotationView> getList() { return list; }
    public RotationStatus getStatus() { return status; }
    public void setStatus(RotationStatus status) { this.status = status; }
    public String getFromWarehouse() { return fromWarehouse; }
    public void setFromWarehouse(String fromWarehouse) { this.fromWarehouse = fromWarehouse; }
    public String getFromMaterial() { return fromMaterial; }
    public void setFromMaterial(String fromMaterial) { this.fromMaterial = fromMaterial; }
    public String getFromLot() { return fromLot; }
    public void setFromLot(String fromLot) { this.fromLot = fromLot; }
    public String getWarehouse() { return warehouse; }
    public void setWarehouse(String warehouse) { this.warehouse = warehouse; }
    public String getLot() { return lot; }
    public void setLot(String lot) { this.lot = lot; }
    public RotationMethod getMethod() { return method; }
    public void setMethod(RotationMethod method) { this.method = method; }
    public String getQuantity() { return quantity; }
    public void setQuantity(String quantity) { this.quantity = quantity; }
    public String getUnitPrice() { return unitPrice; }
    public void setUnitPrice(String unitPrice) { this.unitPrice = unitPrice; }
    public String getRecipient() { return recipient; }
    public void setRecipient(String recipient) { this.recipient = recipient; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getEnterprise() { return enterprise; }
    public void setEnterprise(String enterprise) { this.enterprise = enterprise; }
    public String getNewLot() { return newLot; }
    public void setNewLot(String newLot) { this.newLot = newLot; }
    public String getNewProduction() { return newProduction; }
    public void setNewProduction(String newProduction) { this.newProduction = newProduction; }
    public String getNewExpiry() { return newExpiry; }
    public void setNewExpiry(String newExpiry) { this.newExpiry = newExpiry; }
    public String getNewQuantity() { return newQuantity; }
    public void setNewQuantity(String newQuantity) { this.newQuantity = newQuantity; }
    public String getNewUnitCost() { return newUnitCost; }
    public void setNewUnitCost(String newUnitCost) { this.newUnitCost = newUnitCost; }
    public String getPriceDifference() { return priceDifference; }
    public void setPriceDifference(String priceDifference) { this.priceDifference = priceDifference; }
    public boolean isOpen() { return open; }
}
