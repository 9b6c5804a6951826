package org.reliefchain.web.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import org.reliefchain.finance.subsidy.AdjustmentForm;
import org.reliefchain.finance.subsidy.PaymentForm;
import org.reliefchain.finance.subsidy.StatementService;
import org.reliefchain.finance.subsidy.StatementView;

/**
 * One subsidy statement: its lines, the latest reconciliation with the enterprise's own statement line by
 * line, and the actions the viewer may take now (reconcile and approve a draft, pay an approved one,
 * correct an approved one by an adjustment), and only those.
 */
@Named
@ViewScoped
public class StatementPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final long MAX_UPLOAD = 10L * 1024 * 1024;

    @Inject
    private StatementService statements;
    @Inject
    private LocaleSelector locale;

    private Long id;
    private StatementView statement;
    private transient Part file;
    private String reference;
    private LocalDate paidOn;
    private String adjustAmount;
    private String adjustExplanation;
    private String adjustReason;

    public void load() {
        if (id != null) {
            statement = FacesMessages.attempt(() -> statements.get(id));
            paidOn = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        }
    }

    public void approve() {
        done(FacesMessages.attempt(() -> statements.approve(id, statement.version())), "statement.approved");
    }

    public void pay() {
        done(FacesMessages.attempt(() -> statements.pay(id, new PaymentForm(reference, paidOn))), "statement.paid.done");
    }

    public void reconcile() {
        if (file == null || file.getSize() == 0) {
            FacesMessages.error(locale.text("statement.chooseFile"));
            return;
        }
        if (file.getSize() > MAX_UPLOAD) {
            FacesMessages.error(locale.text("statement.fileTooLarge"));
            return;
        }
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            FacesMessages.error(locale.text("statement.chooseFile"));
            return;
        }
        String name = file.getSubmittedFileName();
        boolean xlsx = name != null && name.toLowerCase().endsWith(".xlsx");
        done(FacesMessages.attempt(() -> statements.reconcile(id, name, content, xlsx)), "statement.reconciled");
    }

    /** A correction opens as its own statement. */
    public String adjust() {
        StatementView created = FacesMessages.attempt(() -> statements.adjust(id, new AdjustmentForm(adjustReason,
                List.of(new AdjustmentForm.Line(adjustAmount, adjustExplanation, null, null)))));
        return created == null ? null : "/app/statement?faces-redirect=true&id=" + created.id();
    }

    private void done(StatementView v, String key) {
        if (v != null) {
            statement = v;
            FacesMessages.info(locale.text(key, v.number()));
        }
    }

    public boolean can(String action) {
        return statement != null && statement.actions().contains(action);
    }

    public String division() {
        return locale.name(statement.divisionNameZh(), statement.divisionNameEn());
    }

    public String material(StatementView.Line l) {
        return l.material() == null ? "" : locale.name(l.materialNameZh(), l.materialNameEn());
    }

    public String unit(StatementView.Line l) {
        return l.material() == null ? locale.text("statement.days") : locale.name(l.unitZh(), l.unitEn())
                + locale.text("statement.timesDays");
    }

    public String time(java.time.Instant at) {
        return locale.time(at);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public StatementView getStatement() { return statement; }
    public Part getFile() { return file; }
    public void setFile(Part file) { this.file = file; }
    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }
    public LocalDate getPaidOn() { return paidOn; }
    public void setPaidOn(LocalDate paidOn) { this.paidOn = paidOn; }
    public String getAdjustAmount() { return adjustAmount; }
    public void setAdjustAmount(String adjustAmount) { this.adjustAmount = adjustAmount; }
    public String getAdjustExplanation() { return adjustExplanation; }
    public void setAdjustExplanation(String adjustExplanation) { this.adjustExplanation = adjustExplanation; }
    public String getAdjustReason() { return adjustReason; }
    public void setAdjustReason(String adjustReason) { this.adjustReason = adjustReason; }
}
