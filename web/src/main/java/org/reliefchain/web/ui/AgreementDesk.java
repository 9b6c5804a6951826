package org.reliefchain.web.ui;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;
import org.reliefchain.catalog.CatalogService;
import org.reliefchain.catalog.MaterialView;
import org.reliefchain.finance.agreement.AgreementForm;
import org.reliefchain.finance.agreement.AgreementKind;
import org.reliefchain.finance.agreement.AgreementService;
import org.reliefchain.finance.agreement.AgreementStatus;
import org.reliefchain.finance.agreement.AgreementView;
import org.reliefchain.finance.agreement.FeeBasis;
import org.reliefchain.finance.agreement.PriceRule;
import org.reliefchain.finance.enterprise.EnterpriseService;
import org.reliefchain.finance.enterprise.EnterpriseView;
import org.reliefchain.platform.PageRequest;

/**
 * Reserve agreements of the user's jurisdiction: search and filter, and (finance staff) draft a new one
 * with the enterprise, division, materials and warehouses picked by name; the draft opens on its own page.
 */
@Named
@ViewScoped
public class AgreementDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AgreementService agreements;
    @Inject
    private EnterpriseService enterprises;
    @Inject
    private CatalogService catalog;
    @Inject
    private LocaleSelector locale;
    @Inject
    private Pickers pickers;

    /** One material of the agreement being drafted. */
    public static class Line implements Serializable {
        private static final long serialVersionUID = 1L;
        private String material;
        private String quantity;
        private String feeRate;
        private String unitValue;
        private String qualityStandard;
        private String warehouse;
        private Integer capacityHours;
        private String capacityPerDay;

        public String getMaterial() { return material; }
        public void setMaterial(String material) { this.material = material; }
        public String getQuantity() { return quantity; }
        public void setQuantity(String quantity) { this.quantity = quantity; }
        public String getFeeRate() { return feeRate; }
        public void setFeeRate(String feeRate) { this.feeRate = feeRate; }
        public String getUnitValue() { return unitValue; }
        public void setUnitValue(String unitValue) { this.unitValue = unitValue; }
        public String getQualityStandard() { return qualityStandard; }
        public void setQualityStandard(String qualityStandard) { this.qualityStandard = qualityStandard; }
        public String getWarehouse() { return warehouse; }
        public void setWarehouse(String warehouse) { this.warehouse = warehouse; }
        public Integer getCapacityHours() { return capacityHours; }
        public void setCapacityHours(Integer capacityHours) { this.capacityHours = capacityHours; }
        public String getCapacityPerDay() { return capacityPerDay; }
        public void setCapacityPerDay(String capacityPerDay) { this.capacityPerDay = capacityPerDay; }

        boolean blank() {
            return (material == null || material.isBlank()) && (quantity == null || quantity.isBlank());
        }
    }

    private String text;
    private AgreementStatus status;
    private Long enterpriseFilter;
    private final LazyDataModel<AgreementView> list = new PagedModel<>(
            (page, size) -> agreements.list(text, status, null, enterpriseFilter, null, new PageRequest(page, size)),
            a -> String.valueOf(a.id()));

    private String enterprise;
    private String division;
    private AgreementKind kind = AgreementKind.ENTERPRISE_STOCK;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private PriceRule priceRule = PriceRule.FIXED;
    private String pricePercent;
    private FeeBasis feeBasis = FeeBasis.PER_UNIT;
    private String managementFee;
    private Integer paymentDays = 30;
    private String penalty;
    private final List<Line> lines = new ArrayList<>();
    private List<MaterialView> materials;

    @PostConstruct
    void init() {
        lines.add(new Line());
        materials = catalog.list(null, null, PageRequest.of(0, PageRequest.MAX_SIZE)).items();
    }

    /** Enterprises by name or credit code: "名称 (统一社会信用代码)". */
    public List<String> pickEnterprise(String query) {
        return enterprises.pick(query, 20).stream().map(e -> e.name() + " (" + e.creditCode() + ")").toList();
    }

    public void addLine() {
        lines.add(new Line());
    }

    public void removeLine(Line line) {
        lines.remove(line);
        if (lines.isEmpty()) {
            lines.add(new Line());
        }
    }

    /** Drafts the agreement and opens it. */
    public String draft() {
        Long enterpriseId = enterpriseId();
        List<AgreementForm.Line> sent = lines.stream().filter(l -> !l.blank())
                .map(l -> new AgreementForm.Line(l.material, l.quantity, l.feeRate, l.unitValue, l.qualityStandard,
                        pickers.warehouseCode(l.warehouse), kind == AgreementKind.CAPACITY ? l.capacityHours : null,
                        kind == AgreementKind.CAPACITY ? l.capacityPerDay : null)).toList();
        AgreementView created = FacesMessages.attempt(() -> agreements.draft(new AgreementForm(enterpriseId,
                Pickers.code(division), kind, startsOn, endsOn, priceRule, pricePercent, feeBasis, managementFee,
                paymentDays, penalty, sent, null, null)));
        return created == null ? null : "/app/agreement?faces-redirect=true&id=" + created.id();
    }

    /** The id of the enterprise picked (or typed as its credit code); null if none, for the service to refuse. */
    private Long enterpriseId() {
        String code = Pickers.code(enterprise);
        if (code == null) {
            return null;
        }
        List<EnterpriseView> found = enterprises.list(code, null, null, new PageRequest(0, 2)).items();
        return found.size() == 1 ? found.get(0).id() : null;
    }

    public String enterpriseName(AgreementView a) {
        return a.enterpriseName();
    }

    public String division(AgreementView a) {
        return locale.name(a.divisionNameZh(), a.divisionNameEn());
    }

    public String materials(AgreementView a) {
        StringBuilder s = new StringBuilder();
        for (AgreementView.LineView l : a.lines()) {
            s.append(s.length() == 0 ? "" : "; ").append(locale.name(l.materialNameZh(), l.materialNameEn()))
                    .append(' ').append(l.quantity()).append(' ').append(locale.name(l.unitZh(), l.unitEn()));
        }
        return s.toString();
    }

    public String materialName(MaterialView m) {
        return locale.name(m.nameZh(), m.nameEn());
    }

    public boolean isCapacity() {
        return kind == AgreementKind.CAPACITY;
    }

    public AgreementStatus[] getStatuses() { return AgreementStatus.values(); }
    public AgreementKind[] getKinds() { return AgreementKind.values(); }
    public PriceRule[] getPriceRules() { return PriceRule.values(); }
    public FeeBasis[] getFeeBases() { return FeeBasis.values(); }
    public List<MaterialView> getMaterials() { return materials; }
    public LazyDataModel<AgreementView> getList() { return list; }
    public List<Line> getLines() { return lines; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public AgreementStatus getStatus() { return status; }
    public void setStatus(AgreementStatus status) { this.status = status; }
    public Long getEnterpriseFilter() { return enterpriseFilter; }
    public void setEnterpriseFilter(Long enterpriseFilter) { this.enterpriseFilter = enterpriseFilter; }
    public String getEnterprise() { return enterprise; }
    public void setEnterprise(String enterprise) { this.enterprise = enterprise; }
    public String getDivision() { return division; }
    public void setDivision(String division) { this.division = division; }
    public AgreementKind getKind() { return kind; }
    public void setKind(AgreementKind kind) { this.kind = kind; }
    public LocalDate getStartsOn() { return startsOn; }
    public void setStartsOn(LocalDate startsOn) { this.startsOn = startsOn; }
    public LocalDate getEndsOn() { return endsOn; }
    public void setEndsOn(LocalDate endsOn) { this.endsOn = endsOn; }
    public PriceRule getPriceRule() { return priceRule; }
    public void setPriceRule(PriceRule priceRule) { this.priceRule = priceRule; }
    public String getPricePercent() { return pricePercent; }
    public void setPricePercent(String pricePercent) { this.pricePercent = pricePercent; }
    public FeeBasis getFeeBasis() { return feeBasis; }
    public void setFeeBasis(FeeBasis feeBasis) { this.feeBasis = feeBasis; }
    public String getManagementFee() { return managementFee; }
    public void setManagementFee(String managementFee) { this.managementFee = managementFee; }
    public Integer getPaymentDays() { return paymentDays; }
    public void setPaymentDays(Integer paymentDays) { this.paymentDays = paymentDays; }
    public String getPenalty() { return penalty; }
    public void setPenalty(String penalty) { this.penalty = penalty; }
}
