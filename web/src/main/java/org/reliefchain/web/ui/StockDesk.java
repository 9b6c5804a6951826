package org.reliefchain.web.ui;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;
import org.reliefchain.catalog.CatalogService;
import org.reliefchain.catalog.MaterialClass;
import org.reliefchain.catalog.MaterialView;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.stock.BalanceQuery;
import org.reliefchain.stock.BalanceView;
import org.reliefchain.stock.MovementForm;
import org.reliefchain.stock.MovementResult;
import org.reliefchain.stock.StockLedger;
import org.reliefchain.stock.StockQueries;

/**
 * The warehouse manager's stock page: stock on hand paged on the server (filters by warehouse,
 * material, class and expiry) and one form for receipts, issues, transfers and write-offs. Each form
 * carries an idempotency key, so a double click or a resubmitted page records the movement once.
 */
@Named
@ViewScoped
public class StockDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private StockQueries queries;
    @Inject
    private StockLedger ledger;
    @Inject
    private CatalogService catalog;
    @Inject
    private LocaleSelector locale;

    // filters
    private String warehouse;
    private String material;
    private MaterialClass materialClass;
    private Integer expiringWithinDays;
    private LazyDataModel<BalanceView> balances;

    // the movement form
    private String type = "RECEIPT";
    private String formWarehouse;
    private String toWarehouse;
    private String formMaterial;
    private String lot;
    private String quantity;
    private String expiryDate;
    private String reason;
    private String idempotencyKey = UUID.randomUUID().toString();
    private List<MaterialView> materials;

    @PostConstruct
    void init() {
        materials = catalog.list(null, null, PageRequest.of(0, PageRequest.MAX_SIZE)).items();
        balances = new PagedModel<>(this::page, b -> b.warehouse() + "/" + b.material() + "/" + b.lot());
    }

    private Page<BalanceView> page(int page, int size) {
        return queries.balances(new BalanceQuery(blank(warehouse), blank(material), null, materialClass,
                expiringWithinDays, null), PageRequest.of(page, Math.min(size, PageRequest.MAX_SIZE)));
    }

    public void record() {
        MovementForm form = new MovementForm();
        form.setType(type);
        form.setWarehouse(blank(formWarehouse));
        form.setToWarehouse(blank(toWarehouse));
        form.setMaterial(blank(formMaterial));
        form.setLot(blank(lot));
        form.setQuantity(blank(quantity));
        form.setExpiryDate(blank(expiryDate));
        form.setReason(reason == null || reason.isBlank() ? locale.text("stock.defaultReason." + type) : reason);
        form.setIdempotencyKey(idempotencyKey);
        MovementResult result = FacesMessages.attempt(() -> ledger.record(form));
        if (result != null) {
            FacesMessages.info(locale.text("stock.recorded", locale.text("stock.type." + type),
                    result.movement().quantity(), result.movement().material(), result.movement().lot(),
                    result.balance()));
            idempotencyKey = UUID.randomUUID().toString();
            quantity = null;
        }
    }

    public MaterialClass[] getClasses() {
        return MaterialClass.values();
    }

    public String materialName(MaterialView m) {
        return locale.isEnglish() ? m.nameEn() : m.nameZh();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public LazyDataModel<BalanceView> getBalances() { return balances; }
    public List<MaterialView> getMaterials() { return materials; }
    public String getWarehouse() { return warehouse; }
    public void setWarehouse(String warehouse) { this.warehouse = warehouse; }
    public String getMaterial() { return material; }
    public void setMaterial(String material) { this.material = material; }
    public MaterialClass getMaterialClass() { return materialClass; }
    public void setMaterialClass(MaterialClass materialClass) { this.materialClass = materialClass; }
    public Integer getExpiringWithinDays() { return expiringWithinDays; }
    public void setExpiringWithinDays(Integer expiringWithinDays) { this.expiringWithinDays = expiringWithinDays; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getFormWarehouse() { return formWarehouse; }
    public void setFormWarehouse(String formWarehouse) { this.formWarehouse = formWarehouse; }
    public String getToWarehouse() { return toWarehouse; }
    public void setToWarehouse(String toWarehouse) { this.toWarehouse = toWarehouse; }
    public String getFormMaterial() { return formMaterial; }
    public void setFormMaterial(String formMaterial) { this.formMaterial = formMaterial; }
    public String getLot() { return lot; }
    public void setLot(String lot) { this.lot = lot; }
    public String getQuantity() { return quantity; }
    public void setQuantity(String quantity) { this.quantity = quantity; }
    public String getExpiryDate() { return expiryDate; }
    public void setExpiryDate(String expiryDate) { this.expiryDate = expiryDate; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
}
