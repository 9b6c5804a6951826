package org.reliefchain.web.ui;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.reliefchain.finance.requisition.Outcome;
import org.reliefchain.finance.requisition.RequisitionService;
import org.reliefchain.finance.requisition.RequisitionView;
import org.reliefchain.finance.requisition.ReturnCondition;
import org.reliefchain.finance.requisition.ReturnForm;
import org.reliefchain.finance.subsidy.PaymentForm;

/**
 * One requisition: its items and what became of them, the return of an item (warehouse managers), the
 * compensation computed, approved and paid (finance), and the compensation list to download. The buttons
 * shown are the actions the requisition offers the viewer.
 */
@Named
@ViewScoped
public class RequisitionPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    private RequisitionService requisitions;
    @Inject
    private LocaleSelector locale;

    private Long id;
    private RequisitionView requisition;
    private Integer line;
    private Outcome outcome = Outcome.RETURNED;
    private ReturnCondition condition = ReturnCondition.GOOD;
    private LocalDate on;
    private String quantityConsumed;
    private String repairCost;
    private String residualValue;
    private String reference;
    private LocalDate paidOn;

    public void load() {
        if (id != null) {
            requisition = FacesMessages.attempt(() -> requisitions.get(id));
            on = paidOn = LocalDate.now(CHINA);
            line = firstHeld();
        }
    }

    public void settle() {
        RequisitionView done = FacesMessages.attempt(() -> requisitions.settle(id, new ReturnForm(line, outcome,
                condition, on, quantityConsumed, repairCost, residualValue)));
        if (done != null) {
            FacesMessages.info(locale.text("requisition.settled", line));
            requisition = done;
            line = firstHeld();
            outcome = Outcome.RETURNED;
            condition = ReturnCondition.GOOD;
            quantityConsumed = repairCost = residualValue = null;
        }
    }

    public void compute() {
        RequisitionView done = FacesMessages.attempt(() -> requisitions.compute(id));
        if (done != null) {
            FacesMessages.info(locale.text("requisition.computed", done.compensation()));
            requisition = done;
        }
    }

    public void approve() {
        RequisitionView done = FacesMessages.attempt(() -> requisitions.approve(id, requisition.version()));
        if (done != null) {
            FacesMessages.info(locale.text("requisition.approvedMsg"));
            requisition = done;
        }
    }

    public void pay() {
        RequisitionView done = FacesMessages.attempt(() -> requisitions.pay(id, new PaymentForm(reference, paidOn)));
        if (done != null) {
            FacesMessages.info(locale.text("requisition.paidMsg"));
            requisition = done;
        }
    }

    private Integer firstHeld() {
        return requisition == null ? null : requisition.items().stream().filter(i -> i.outcome() == null)
                .map(RequisitionView.Item::line).findFirst().orElse(null);
    }

    /** The items still held, for the return form's picker: "2 车辆 浙A12345Z". */
    public List<RequisitionView.Item> getHeld() {
        return requisition == null ? List.of() : requisition.items().stream().filter(i -> i.outcome() == null).toList();
    }

    public String item(RequisitionView.Item i) {
        return org.reliefchain.web.api.CompensationList.item(i, locale.getLocale());
    }

    public String outcomeOf(RequisitionView.Item i) {
        return org.reliefchain.web.api.CompensationList.outcome(i, locale.getLocale());
    }

    public String basis(RequisitionView.Item i) {
        return org.reliefchain.web.api.CompensationList.basis(i, locale.getLocale());
    }

    public boolean can(String action) {
        return requisition != null && requisition.actions().contains(action);
    }

    public Outcome[] getOutcomes() { return Outcome.values(); }
    public ReturnCondition[] getConditions() { return ReturnCondition.values(); }
    public RequisitionView getRequisition() { return requisition; }
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Integer getLine() { return line; }
    public void setLine(Integer line) { this.line = line; }
    public Outcome getOutcome() { return outcome; }
    public void setOutcome(Outcome outcome) { this.outcome = outcome; }
    public ReturnCondition getCondition() { return condition; }
    public void setCondition(ReturnCondition condition) { this.condition = condition; }
    public LocalDate getOn() { return on; }
    public void setOn(LocalDate on) { this.on = on; }
    public String getQuantityConsumed() { return quantityConsumed; }
    public void setQuantityConsumed(String v) { this.quantityConsumed = v; }
    public String getRepairCost() { return repairCost; }
    public void setRepairCost(String v) { this.repairCost = v; }
    public String getResidualValue() { return residualValue; }
    public void setResidualValue(String v) { this.residualValue = v; }
    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }
    public LocalDate getPaidOn() { return paidOn; }
    public void setPaidOn(LocalDate paidOn) { this.paidOn = paidOn; }
}
