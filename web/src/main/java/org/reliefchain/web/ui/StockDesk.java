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
    @Inject
    private Pickers pickers;

    // filters
    private String warehouse;
    private String material;
    private MaterialClass materialClass;
    private Integer expiringWithinDays;
    private LazyDataModel<BalanceView> balances;
    private List<org.reliefchain.stock.MaterialTotal> totals;

    // the movement form
    private String type = "RECEIPT";
    private String formWarehouse;
    private String toWarehouse;
    private String formMaterial;
    private String lot;
    private String quantity;
    private java.time.LocalDate expiry;
    private java.time.LocalDate production;
    /** Yuan per unit, as typed; blank when the receipt has no cost (a donation, say). */
    private String unitCost;
    /** The kind of reason picked from the type's list; {@link #reason} adds the details. */
    private String reasonKind;
    private String reason;
    private String idempotencyKey = UUID.randomUUID().toString();
    private List<MaterialView> materials;

    @PostConstruct
    void init() {
        materials = catalog.list(null, null, PageRequest.of(0, PageRequest.MAX_SIZE)).items();
        balances = new PagedModel<>(this::page, b -> b.warehouse() + "/" + b.material() + "/" + b.lot());
    }

    private Page<BalanceView> page(int page, int size) {
        return queries.balances(new BalanceQuery(pickers.warehouseCode(warehouse), blank(material), null, materialClass,
                expiringWithinDays, null), PageRequest.of(page, Math.min(size, PageRequest.MAX_SIZE)));
    }

    /** The reasons offered per movement type; OTHER needs the details written out. */
    private static final java.util.Map<String, List<String>> REASONS = java.util.Map.of(
            "RECEIPT", List.of("PURCHASE", "DONATION", "RETURN", "OTHER"),
            "ISSUE", List.of("RELIEF", "EMERGENCY_USE", "DRILL", "OTHER"),
            "TRANSFER", List.of("REBALANCE", "EMERGENCY_USE", "OTHER"),
            "WRITE_OFF", List.of("EXPIRED", "DAMAGED", "SPOILED", "LOST", "OTHER"));

    public void typeChanged() {
        reasonKind = null;
    }

    public void record() {
        if (reasonKind == null || reasonKind.isBlank()) {
            if (!"RECEIPT".equals(type)) {
                FacesMessages.error(locale.text("stock.reasonRequired"));
                return;
            }
        } else if ("OTHER".equals(reasonKind) && blank(reason) == null) {
            FacesMessages.error(locale.text("stock.reasonOtherRequired"));
            return;
        }
        MovementForm form = new MovementForm();
        form.setType(type);
        form.setWarehouse(pickers.warehouseCode(formWarehouse));
        form.setToWarehouse("TRANSFER".equals(type) ? pickers.warehouseCode(toWarehouse) : null);
        form.setMaterial(blank(formMaterial));
        form.setLot(blank(lot));
        form.setQuantity(blank(quantity));
        form.setExpiryDate("RECEIPT".equals(type) && expiry != null ? expiry.toString() : null);
        form.setProductionDate("RECEIPT".equals(type) && production != null ? production.toString() : null);
        if ("RECEIPT".equals(type) && blank(unitCost) != null) {
            MovementForm.MoneyForm cost = new MovementForm.MoneyForm();
            cost.setAmount(blank(unitCost));
            cost.setCurrency("CNY");
            form.setUnitCost(cost);
        }
        form.setReason(reasonText());
        form.setIdempotencyKey(idempotencyKey);
        MovementResult result = FacesMessages.attempt(() -> ledger.record(form));
        if (result != null) {
            MaterialView m = materials.stream().filter(x -> x.code().equals(result.movement().material())).findFirst()
                    .orElse(null);
            FacesMessages.info(locale.text("stock.recorded", locale.text("stock.type." + type),
                    result.movement().quantity(), m == null ? result.movement().material() : materialName(m),
                    result.movement().lot(), result.balance(),
                    m == null ? "" : locale.isEnglish() ? m.unitEn() : m.unitZh()));
            idempotencyKey = UUID.randomUUID().toString();
            quantity = null;
        }
    }

    /**
     * What the ledger keeps as the reason: the picked kind in Chinese (the ledger is a Chinese document, whatever
     * the screen's language), then the details. A receipt without a kind is "入库".
     */
    private String reasonText() {
        String note = blank(reason);
        if (reasonKind == null || reasonKind.isBlank()) {
            return note == null ? Labels.get("stock.defaultReason." + type, java.util.Locale.CHINESE) : note;
        }
        String kind = Labels.get("stock.reasonKind." + reasonKind, java.util.Locale.CHINESE);
        return note == null ? kind : kind + "：" + note;
    }

    public List<String> getReasonKinds() {
        return REASONS.getOrDefault(type, List.of());
    }

    /** Totals per material for the current warehouse and class filters; a click drills down to its lots. */
    public List<org.reliefchain.stock.MaterialTotal> getTotals() {
        if (totals == null) {
            totals = FacesMessages.attempt(() -> queries.materialTotals(pickers.warehouseCode(warehouse), materialClass));
            if (totals == null) {
                totals = List.of();
            }
        }
        return totals;
    }

    public void filter() {
        totals = null;
    }

    public void drill(org.reliefchain.stock.MaterialTotal t) {
        material = t.material();
    }

    public String money(String yuan) {
        return locale.yuan(yuan);
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
    public java.time.LocalDate getProduction() { return production; }
    public void setProduction(java.time.LocalDate production) { this.production = production; }
    public String getUnitCost() { return unitCost; }
    public void setUnitCost(String unitCost) { this.unitCost = unitCost; }
    public java.time.LocalDate getExpiry() { return expiry; }
    public void setExpiry(java.time.LocalDate expiry) { this.expiry = expiry; }
    public String getReasonKind() { return reasonKind; }
    public void setReasonKind(String reasonKind) { this.reasonKind = reasonKind; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
}
