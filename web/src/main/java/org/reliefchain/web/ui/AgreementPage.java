package org.reliefchain.web.ui;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.reliefchain.finance.agreement.AgreementService;
import org.reliefchain.finance.agreement.AgreementVersion;
import org.reliefchain.finance.agreement.AgreementView;
import org.reliefchain.finance.agreement.CheckForm;
import org.reliefchain.finance.agreement.CheckKind;
import org.reliefchain.finance.agreement.CheckView;
import org.reliefchain.finance.agreement.EndForm;

/**
 * One agreement: its terms and lines with what the latest inspection found, its inspections and
 * amendments, and the actions the viewer may take now (activate or terminate for finance staff; record an
 * inspection, line by line, for the warehouse managers of its division), and only those.
 */
@Named
@ViewScoped
public class AgreementPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AgreementService agreements;
    @Inject
    private LocaleSelector locale;

    private Long id;
    private AgreementView agreement;
    private List<CheckView> checks = List.of();
    private List<AgreementVersion.View> versions = List.of();
    private String reason;
    private LocalDate lastDay;
    private LocalDate checkedOn;
    private CheckKind checkKind = CheckKind.SCHEDULED;
    private String checkNote;
    /** Per line number: what was counted, whether it met the standard, a note. */
    private final Map<Integer, String> counted = new LinkedHashMap<>();
    private final Map<Integer, Boolean> qualityOk = new LinkedHashMap<>();
    private final Map<Integer, String> lineNotes = new LinkedHashMap<>();

    public void load() {
        if (id != null) {
            show(FacesMessages.attempt(() -> agreements.get(id)));
        }
    }

    private void show(AgreementView v) {
        agreement = v;
        counted.clear();
        qualityOk.clear();
        lineNotes.clear();
        if (v != null) {
            checks = agreements.checks(v.id());
            versions = agreements.versions(v.id());
            v.lines().forEach(l -> {
                counted.put(l.line(), l.quantity());
                qualityOk.put(l.line(), Boolean.TRUE);
            });
            checkedOn = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        }
    }

    public void activate() {
        done(FacesMessages.attempt(() -> agreements.activate(id)), "agreement.activated");
    }

    public void terminate() {
        done(FacesMessages.attempt(() -> agreements.terminate(id, new EndForm(lastDay, reason))), "agreement.terminated");
    }

    public void recordCheck() {
        List<CheckForm.Line> lines = new ArrayList<>();
        counted.forEach((line, value) -> lines.add(new CheckForm.Line(line, value, qualityOk.get(line),
                lineNotes.get(line))));
        CheckView recorded = FacesMessages.attempt(() -> agreements.check(id, new CheckForm(checkedOn, checkKind,
                checkNote, lines)));
        if (recorded != null) {
            checkNote = null;
            done(agreements.get(id), "agreement.checked");
        }
    }

    private void done(AgreementView v, String key) {
        if (v != null) {
            show(v);
            reason = null;
            FacesMessages.info(locale.text(key, v.number()));
        }
    }

    public boolean can(String action) {
        return agreement != null && agreement.actions().contains(action);
    }

    public String division() {
        return locale.name(agreement.divisionNameZh(), agreement.divisionNameEn());
    }

    public String material(AgreementView.LineView l) {
        return locale.name(l.materialNameZh(), l.materialNameEn());
    }

    public String unit(AgreementView.LineView l) {
        return locale.name(l.unitZh(), l.unitEn());
    }

    public String warehouse(AgreementView.LineView l) {
        return l.warehouse() == null ? "" : locale.name(l.warehouseNameZh(), l.warehouseNameEn());
    }

    public String material(CheckView.Line l) {
        return locale.name(l.materialNameZh(), l.materialNameEn()) + " (" + locale.name(l.unitZh(), l.unitEn()) + ")";
    }

    /** "75 / 100" where a check found less, or failed quality. */
    public boolean shortOrFailed(AgreementView.LineView l) {
        return l.lastCounted() != null && (Boolean.FALSE.equals(l.lastQualityOk())
                || new java.math.BigDecimal(l.lastCounted()).compareTo(new java.math.BigDecimal(l.quantity())) < 0);
    }

    public String time(java.time.Instant at) {
        return locale.time(at);
    }

    public CheckKind[] getCheckKinds() { return CheckKind.values(); }
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public AgreementView getAgreement() { return agreement; }
    public List<CheckView> getChecks() { return checks; }
    public List<AgreementVersion.View> getVersions() { return versions; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public LocalDate getLastDay() { return lastDay; }
    public void setLastDay(LocalDate lastDay) { this.lastDay = lastDay; }
    public LocalDate getCheckedOn() { return checkedOn; }
    public void setCheckedOn(LocalDate checkedOn) { this.checkedOn = checkedOn; }
    public CheckKind getCheckKind() { return checkKind; }
    public void setCheckKind(CheckKind checkKind) { this.checkKind = checkKind; }
    public String getCheckNote() { return checkNote; }
    public void setCheckNote(String checkNote) { this.checkNote = checkNote; }
    public Map<Integer, String> getCounted() { return counted; }
    public Map<Integer, Boolean> getQualityOk() { return qualityOk; }
    public Map<Integer, String> getLineNotes() { return lineNotes; }
}
