package org.reliefchain.web.ui;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;
import org.reliefchain.finance.agreement.AgreementKind;
import org.reliefchain.finance.agreement.AgreementService;
import org.reliefchain.finance.agreement.AgreementStatus;
import org.reliefchain.finance.agreement.AgreementView;
import org.reliefchain.finance.agreement.PriceRule;
import org.reliefchain.finance.callup.CallUpForm;
import org.reliefchain.finance.callup.CallUpService;
import org.reliefchain.finance.callup.CallUpStatus;
import org.reliefchain.finance.callup.CallUpView;
import org.reliefchain.finance.callup.CancelForm;
import org.reliefchain.finance.callup.ReceiptForm;
import org.reliefchain.incident.IncidentService;
import org.reliefchain.incident.IncidentView;
import org.reliefchain.platform.PageRequest;

/**
 * Call-ups (调用) of the user's jurisdiction: order one from an agreement in force (picked by number or
 * enterprise), receive deliveries into the warehouse (managers of the receiving warehouse), cancel what
 * is still to come. Each form carries its own idempotency key, renewed after a success, so a double
 * click orders or receives once.
 */
@Named
@ViewScoped
public class CallUpDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CallUpService callUps;
    @Inject
    private AgreementService agreements;
    @Inject
    private IncidentService incidents;
    @Inject
    private LocaleSelector locale;
    @Inject
    private Pickers pickers;

    private Long agreementId;
    private AgreementView agreement;
    private String agreementText;
    private CallUpStatus status;
    private boolean toReceive;
    private final LazyDataModel<CallUpView> list = new PagedModel<>(
            (page, size) -> callUps.list(status, agreementId, toReceive, new PageRequest(page, size)),
            c -> String.valueOf(c.id()));

    private Integer line = 1;
    private String quantity;
    private String warehouse;
    private Long incident;
    private String priceBasis;
    private String note;
    private String orderKey = UUID.randomUUID().toString();

    private CallUpView selected;
    private String receiveQuantity;
    private String lot;
    private LocalDate productionDate;
    private LocalDate expiryDate;
    private String receiveKey = UUID.randomUUID().toString();
    private String cancelReason;
    private List<IncidentView> openIncidents;

    /** Opened as call-ups?agreement=ID (from the agreement page): that agreement's call-ups and its order form. */
    public void load() {
        if (agreementId != null) {
            agreement = FacesMessages.attempt(() -> agreements.get(agreementId));
            if (agreement == null) {
                agreementId = null;
            }
        }
        toReceive = agreementId == null && Boolean.TRUE.equals(awaitingFirst());
    }

    /** A warehouse manager with deliveries waiting sees those first. */
    private Boolean awaitingFirst() {
        return FacesMessages.attempt(() -> callUps.awaitingReceipt() > 0);
    }

    /** Agreements in force that can be called up, "XY2026-000123 · 企业名". */
    public List<String> completeAgreement(String query) {
        return agreements.list(query, AgreementStatus.ACTIVE, null, null, null, new PageRequest(0, 12)).items().stream()
                .filter(a -> a.kind() != AgreementKind.CUSTODY).map(a -> a.number() + " · " + a.enterpriseName())
                .toList();
    }

    public void pickAgreement() {
        String number = agreementText == null ? "" : agreementText.split(" · ")[0].strip();
        agreement = agreements.list(number, AgreementStatus.ACTIVE, null, null, null, new PageRequest(0, 5)).items()
                .stream().filter(a -> a.number().equals(number)).findFirst().orElse(null);
        agreementId = agreement == null ? null : agreement.id();
        line = 1;
    }

    public void order() {
        if (agreement == null) {
            FacesMessages.error(locale.text("callUp.pickAgreement"));
            return;
        }
        CallUpService.Outcome o = FacesMessages.attempt(() -> callUps.order(agreement.id(), new CallUpForm(line,
                quantity, pickers.warehouseCode(warehouse), incident, needsBasis() ? priceBasis : null, note,
                orderKey)));
        if (o != null) {
            FacesMessages.info(locale.text("callUp.ordered", o.callUp().number(), o.callUp().unitPrice()));
            quantity = priceBasis = note = null;
            orderKey = UUID.randomUUID().toString();
        }
    }

    public void select(CallUpView c) {
        selected = c;
        receiveQuantity = c.outstanding();
        lot = null;
        productionDate = null;
        expiryDate = null;
        cancelReason = null;
        receiveKey = UUID.randomUUID().toString();
    }

    public void receive() {
        if (selected == null) {
            return;
        }
        CallUpService.Outcome o = FacesMessages.attempt(() -> callUps.receive(selected.id(),
                new ReceiptForm(receiveQuantity, lot, productionDate, expiryDate, receiveKey)));
        if (o != null) {
            FacesMessages.info(locale.text("callUp.received", receiveQuantity, o.callUp().number(),
                    locale.yuan(o.callUp().receivedAmount())));
            selected = null;
        }
    }

    public void cancel() {
        if (selected == null) {
            return;
        }
        CallUpView done = FacesMessages.attempt(() -> callUps.cancel(selected.id(),
                new CancelForm(cancelReason, selected.version())));
        if (done != null) {
            FacesMessages.info(locale.text("callUp.cancelled", done.number()));
            selected = null;
        }
    }

    public void close() {
        selected = null;
    }

    /** Open incidents of the jurisdiction a call-up may be made for, read once per view. */
    public List<IncidentView> getIncidents() {
        if (openIncidents == null) {
            List<IncidentView> open = FacesMessages.attempt(() -> incidents.open());
            openIncidents = open == null ? List.of() : open;
        }
        return openIncidents;
    }

    public boolean needsBasis() {
        return agreement != null && agreement.priceRule() != PriceRule.FIXED;
    }

    public String basisLabel() {
        return agreement == null ? "" : locale.text("callUp.basis." + agreement.priceRule().name());
    }

    public String lineLabel(AgreementView.LineView l) {
        return l.line() + " · " + locale.name(l.materialNameZh(), l.materialNameEn()) + " (" + l.quantity() + " "
                + locale.name(l.unitZh(), l.unitEn()) + ", " + locale.yuan(l.unitValue()) + ")";
    }

    public String material(CallUpView c) {
        return locale.name(c.materialNameZh(), c.materialNameEn());
    }

    public String unit(CallUpView c) {
        return locale.name(c.unitZh(), c.unitEn());
    }

    public String warehouse(CallUpView c) {
        return locale.name(c.warehouseNameZh(), c.warehouseNameEn()) + " (" + c.warehouse() + ")";
    }

    public String time(java.time.Instant at) {
        return at == null ? "" : locale.time(at);
    }

    public CallUpStatus[] getStatuses() { return CallUpStatus.values(); }
    public LazyDataModel<CallUpView> getList() { return list; }
    public Long getAgreementId() { return agreementId; }
    public void setAgreementId(Long agreementId) { this.agreementId = agreementId; }
    public AgreementView getAgreement() { return agreement; }
    public String getAgreementText() { return agreementText; }
    public void setAgreementText(String agreementText) { this.agreementText = agreementText; }
    public CallUpStatus getStatus() { return status; }
    public void setStatus(CallUpStatus status) { this.status = status; }
    public boolean isToReceive() { return toReceive; }
    public void setToReceive(boolean toReceive) { this.toReceive = toReceive; }
    public Integer getLine() { return line; }
    public void setLine(Integer line) { this.line = line; }
    public String getQuantity() { return quantity; }
    public void setQuantity(String quantity) { this.quantity = quantity; }
    public String getWarehouse() { return warehouse; }
    public void setWarehouse(String warehouse) { this.warehouse = warehouse; }
    public Long getIncident() { return incident; }
    public void setIncident(Long incident) { this.incident = incident; }
    public String getPriceBasis() { return priceBasis; }
    public void setPriceBasis(String priceBasis) { this.priceBasis = priceBasis; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public CallUpView getSelected() { return selected; }
    public String getReceiveQuantity() { return receiveQuantity; }
    public void setReceiveQuantity(String receiveQuantity) { this.receiveQuantity = receiveQuantity; }
    public String getLot() { return lot; }
    public void setLot(String lot) { this.lot = lot; }
    public LocalDate getProductionDate() { return productionDate; }
    public void setProductionDate(LocalDate productionDate) { this.productionDate = productionDate; }
    public LocalDate getExpiryDate() { return expiryDate; }
    public void setExpiryDate(LocalDate expiryDate) { this.expiryDate = expiryDate; }
    public String getCancelReason() { return cancelReason; }
    public void setCancelReason(String cancelReason) { this.cancelReason = cancelReason; }
}
