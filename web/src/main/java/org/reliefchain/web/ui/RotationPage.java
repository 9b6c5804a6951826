package org.reliefchain.web.ui;

import java.io.Serializable;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.reliefchain.finance.rotation.RotationService;
import org.reliefchain.finance.rotation.RotationView;

/**
 * One rotation plan: the goods and the money, who approved it, what execution moved and the write-off its
 * loss raised; the actions the viewer may take now (from the plan itself), and only those.
 */
@Named
@ViewScoped
public class RotationPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private RotationService rotations;
    @Inject
    private LocaleSelector locale;

    private Long id;
    private RotationView plan;
    private String reason;

    public void load() {
        if (id != null) {
            plan = FacesMessages.attempt(() -> rotations.get(id));
        }
    }

    public void approve() {
        done(FacesMessages.attempt(() -> rotations.approve(id)), "rotation.approved");
    }

    public void execute() {
        done(FacesMessages.attempt(() -> rotations.execute(id)), "rotation.executed");
    }

    public void reject() {
        done(FacesMessages.attempt(() -> rotations.reject(id, reason)), "rotation.rejected");
    }

    public void cancel() {
        done(FacesMessages.attempt(() -> rotations.cancel(id, reason)), "rotation.cancelled");
    }

    private void done(RotationView after, String key) {
        if (after != null) {
            plan = after;
            reason = null;
            FacesMessages.info(locale.text(key, after.number()));
        }
    }

    public String time(java.time.Instant at) {
        return at == null ? "" : locale.time(at);
    }

    public boolean can(String action) {
        return plan != null && plan.actions().contains(action);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public RotationView getPlan() { return plan; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
