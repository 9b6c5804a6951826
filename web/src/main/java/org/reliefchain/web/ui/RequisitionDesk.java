package org.reliefchain.web.ui;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;
import org.reliefchain.catalog.CatalogService;
import org.reliefchain.catalog.MaterialView;
import org.reliefchain.finance.enterprise.EnterpriseService;
import org.reliefchain.finance.enterprise.EnterpriseView;
import org.reliefchain.finance.requisition.ItemKind;
import org.reliefchain.finance.requisition.PartyKind;
import org.reliefchain.finance.requisition.RequisitionForm;
import org.reliefchain.finance.requisition.RequisitionService;
import org.reliefchain.finance.requisition.RequisitionStatus;
import org.reliefchain.finance.requisition.RequisitionView;
import org.reliefchain.incident.IncidentService;
import org.reliefchain.incident.IncidentView;
import org.reliefchain.platform.PageRequest;

/**
 * Requisitions of the user's jurisdiction, and the form that issues one: the incident, warehouse, enterprise
 * and materials are picked by name; the party is an enterprise of the registry, an organisation by its credit
 * code or a person by their ID number; items are added one kind at a time. Issuing opens the requisition.
 */
@Named
@ViewScoped
public class RequisitionDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One item being entered; only the fields of its kind are shown and sent. */
    public static class Item implements Serializable {
        private static final long serialVersionUID = 1L;
        private final ItemKind kind;
        private String conditionTaken;
        private String material;
        private String quantity;
        private String unitValue;
        private String valuationBasis;
        private LocalDate productionDate;
        private String registration;
        private String vehicleKind = "TRUCK";
        private String capacityKg;
        private String capacityM3;
        private String heightM;
        private String widthM;
        private String grossWeightT;
        private String driverName;
        private String driverPhone;
        private String address;
        private String areaM2;
        private String dailyFee;

        Item(ItemKind kind) {
            this.kind = kind;
        }

        RequisitionForm.Item form() {
            return new RequisitionForm.Item(kind, conditionTaken, material, quantity, null, unitValue, valuationBasis,
                    null, productionDate, null, registration, vehicleKind, capacityKg, capacityM3, heightM, widthM,
                    grossWeightT, driverName, driverPhone, address, areaM2, dailyFee);
        }

        public ItemKind getKind() { return kind; }
        public String getConditionTaken() { return conditionTaken; }
        public void setConditionTaken(String v) { conditionTaken = v; }
        public String getMaterial() { return material; }
        public void setMaterial(String v) { material = v; }
        public String getQuantity() { return quantity; }
        public void setQuantity(String v) { quantity = v; }
        public String getUnitValue() { return unitValue; }
        public void setUnitValue(String v) { unitValue = v; }
        public String getValuationBasis() { return valuationBasis; }
        public void setValuationBasis(String v) { valuationBasis = v; }
        public LocalDate getProductionDate() { return productionDate; }
        public void setProductionDate(LocalDate v) { productionDate = v; }
        public String getRegistration() { return registration; }
        public void setRegistration(String v) { registration = v; }
        public String getVehicleKind() { return vehicleKind; }
        public void setVehicleKind(String v) { vehicleKind = v; }
        public String getCapacityKg() { return capacityKg; }
        public void setCapacityKg(String v) { capacityKg = v; }
        public String getCapacityM3() { return capacityM3; }
        public void setCapacityM3(String v) { capacityM3 = v; }
        public String getHeightM() { return heightM; }
        public void setHeightM(String v) { heightM = v; }
        public String getWidthM() { return widthM; }
        public void setWidthM(String v) { widthM = v; }
        public String getGrossWeightT() { return grossWeightT; }
        public void setGrossWeightT(String v) { grossWeightT = v; }
        public String getDriverName() { return driverName; }
        public void setDriverName(String v) { driverName = v; }
        public String getDriverPhone() { return driverPhone; }
        public void setDriverPhone(String v) { driverPhone = v; }
        public String getAddress() { return address; }
        public void setAddress(String v) { address = v; }
        public String getAreaM2() { return areaM2; }
        public void setAreaM2(String v) { areaM2 = v; }
        public String getDailyFee() { return dailyFee; }
        public void setDailyFee(String v) { dailyFee = v; }
    }

    @Inject
    private RequisitionService requisitions;
    @Inject
    private IncidentService incidents;
    @Inject
    private EnterpriseService enterprises;
    @Inject
    private CatalogService catalog;
    @Inject
    private Pickers pickers;
    @Inject
    private LocaleSelector locale;

    private RequisitionStatus status;
    private final LazyDataModel<RequisitionView> list = new PagedModel<>(
            (page, size) -> requisitions.list(status, null, new PageRequest(page, size)), r -> String.valueOf(r.id()));
    private List<IncidentView> openIncidents;
    private List<MaterialView> materials;
    private Long incident;
    private String warehouse;
    private PartyKind partyKind = PartyKind.ENTERPRISE;
    private String enterprise;
    private String partyName;
    private String creditCode;
    private String idNumber;
    private String partyPhone;
    private LocalDate takenOn = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private String reason;
    private final List<Item> items = new ArrayList<>();
    /** One key per form shown: a double click or a retried submit issues one requisition. */
    private String idempotencyKey = UUID.randomUUID().toString();

    @PostConstruct
    void init() {
        materials = catalog.list(null, null, PageRequest.of(0, PageRequest.MAX_SIZE)).items();
    }

    public String issue() {
        RequisitionView created = FacesMessages.attempt(() -> requisitions.issue(new RequisitionForm(incident,
                pickers.warehouseCode(warehouse), partyKind, partyKind == PartyKind.ENTERPRISE ? enterpriseId() : null,
                partyName, creditCode, idNumber, partyPhone, takenOn, reason, items.stream().map(Item::form).toList(),
                idempotencyKey)));
        return created == null ? null : "/app/requisition?faces-redirect=true&id=" + created.id();
    }

    public void addGoods() { items.add(new Item(ItemKind.GOODS)); }
    public void addVehicle() { items.add(new Item(ItemKind.VEHICLE)); }
    public void addPremises() { items.add(new Item(ItemKind.PREMISES)); }
    public void remove(Item item) { items.remove(item); }

    /** Enterprises by name or credit code: "名称 (统一社会信用代码)". */
    public List<String> pickEnterprise(String query) {
        return enterprises.pick(query, 20).stream().map(e -> e.name() + " (" + e.creditCode() + ")").toList();
    }

    private Long enterpriseId() {
        String code = Pickers.code(enterprise);
        if (code == null) {
            return null;
        }
        List<EnterpriseView> found = enterprises.list(code, null, null, new PageRequest(0, 2)).items();
        return found.size() == 1 ? found.get(0).id() : null;
    }

    /** Open incidents the user may see. */
    public List<IncidentView> getOpenIncidents() {
        if (openIncidents == null) {
            openIncidents = incidents.open();
        }
        return openIncidents;
    }

    public String materialName(MaterialView m) {
        return locale.name(m.nameZh(), m.nameEn());
    }

    public String party(RequisitionView r) {
        return r.partyName() + " · " + locale.text("requisition.partyKind." + r.partyKind());
    }

    public List<MaterialView> getMaterials() { return materials; }
    public PartyKind[] getPartyKinds() { return PartyKind.values(); }
    public RequisitionStatus[] getStatuses() { return RequisitionStatus.values(); }
    public LazyDataModel<RequisitionView> getList() { return list; }
    public List<Item> getItems() { return items; }
    public RequisitionStatus getStatus() { return status; }
    public void setStatus(RequisitionStatus status) { this.status = status; }
    public Long getIncident() { return incident; }
    public void setIncident(Long incident) { this.incident = incident; }
    public String getWarehouse() { return warehouse; }
    public void setWarehouse(String warehouse) { this.warehouse = warehouse; }
    public PartyKind getPartyKind() { return partyKind; }
    public void setPartyKind(PartyKind partyKind) { this.partyKind = partyKind; }
    public String getEnterprise() { return enterprise; }
    public void setEnterprise(String enterprise) { this.enterprise = enterprise; }
    public String getPartyName() { return partyName; }
    public void setPartyName(String partyName) { this.partyName = partyName; }
    public String getCreditCode() { return creditCode; }
    public void setCreditCode(String creditCode) { this.creditCode = creditCode; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    public String getPartyPhone() { return partyPhone; }
    public void setPartyPhone(String partyPhone) { this.partyPhone = partyPhone; }
    public LocalDate getTakenOn() { return takenOn; }
    public void setTakenOn(LocalDate takenOn) { this.takenOn = takenOn; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
