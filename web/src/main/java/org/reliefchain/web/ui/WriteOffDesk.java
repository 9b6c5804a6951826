package org.reliefchain.web.ui;

import java.io.Serializable;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;
import org.reliefchain.finance.writeoff.ChainCheck;
import org.reliefchain.finance.writeoff.WriteOffCause;
import org.reliefchain.finance.writeoff.WriteOffForm;
import org.reliefchain.finance.writeoff.WriteOffService;
import org.reliefchain.finance.writeoff.WriteOffStatus;
import org.reliefchain.finance.writeoff.WriteOffView;
import org.reliefchain.platform.PageRequest;

/**
 * Write-offs of the user's jurisdiction with their chain of signatures: raise one for a warehouse picked
 * by name; sign or reject where the next signature is the user's; see whether the sealed chain is intact.
 */
@Named
@ViewScoped
public class WriteOffDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private WriteOffService writeOffs;
    @Inject
    private LocaleSelector locale;
    @Inject
    private Pickers pickers;

    private WriteOffStatus status;
    private final LazyDataModel<WriteOffView> list = new PagedModel<>(
            (page, size) -> writeOffs.list(status, new PageRequest(page, size)), w -> String.valueOf(w.id()));
    private String warehouse;
    private WriteOffCause cause = WriteOffCause.DAMAGED;
    private String description;
    private String amount;
    private String reason;
    private ChainCheck chain;

    public void raise() {
        WriteOffView raised = FacesMessages.attempt(() -> writeOffs.raise(new WriteOffForm(
                pickers.warehouseCode(warehouse), cause, description, amount)));
        if (raised != null) {
            FacesMessages.info(locale.text("writeOff.raised", raised.number()));
            warehouse = description = amount = null;
        }
    }

    public void sign(WriteOffView w) {
        WriteOffView done = FacesMessages.attempt(() -> writeOffs.sign(w.id()));
        if (done != null) {
            FacesMessages.info(locale.text("writeOff.signed", done.number()));
            chain = null;
        }
    }

    public void reject(WriteOffView w) {
        WriteOffView done = FacesMessages.attempt(() -> writeOffs.reject(w.id(), reason));
        if (done != null) {
            FacesMessages.info(locale.text("writeOff.rejected", done.number()));
            reason = null;
        }
    }

    /** The chain checked once per view (it walks every record). */
    public ChainCheck getChain() {
        if (chain == null) {
            chain = FacesMessages.attempt(() -> writeOffs.verify());
        }
        return chain;
    }

    public String warehouse(WriteOffView w) {
        return locale.name(w.warehouseNameZh(), w.warehouseNameEn());
    }

    /** "县级 county.user 2026-12-01 10:00 → 市级 …" */
    public String signatures(WriteOffView w) {
        StringBuilder s = new StringBuilder();
        for (WriteOffView.Signature g : w.signatures()) {
            s.append(s.length() == 0 ? "" : " → ").append(locale.text("writeOff.level." + g.level())).append(' ')
                    .append(g.signedBy()).append(' ').append(locale.time(g.signedAt()));
        }
        return s.toString();
    }

    public String waitingFor(WriteOffView w) {
        return w.toSign().isEmpty() ? "" : locale.text("writeOff.level." + w.toSign().get(0));
    }

    public WriteOffCause[] getCauses() { return WriteOffCause.values(); }
    public WriteOffStatus[] getStatuses() { return WriteOffStatus.values(); }
    public LazyDataModel<WriteOffView> getList() { return list; }
    public WriteOffStatus getStatus() { return status; }
    public void setStatus(WriteOffStatus status) { this.status = status; }
    public String getWarehouse() { return warehouse; }
    public void setWarehouse(String warehouse) { this.warehouse = warehouse; }
    public WriteOffCause getCause() { return cause; }
    public void setCause(WriteOffCause cause) { this.cause = cause; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getAmount() { return amount; }
    public void setAmount(String amount) { this.amount = amount; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
