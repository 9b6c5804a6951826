package org.reliefchain.web.ui;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.reliefchain.allocation.AllocationService;
import org.reliefchain.allocation.AllocationView;
import org.reliefchain.allocation.ReceiptForm;
import org.reliefchain.allocation.ShipForm;

/**
 * One allocation order: its lines, what happened to it (who, when, why) and the actions the viewer may take
 * now (submit or delete a draft, approve or reject, ship in full or in part, receive, cancel), and only those.
 */
@Named
@ViewScoped
public class AllocationPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    @Inject
    private AllocationService allocations;
    @Inject
    private LocaleSelector locale;

    private Long id;
    private AllocationView order;
    private String reason;
    /** Per material, what the source ships (as asked unless changed) and, on receipt, what arrived. */
    private final Map<String, String> shipping = new LinkedHashMap<>();
    private final Map<String, String> received = new LinkedHashMap<>();
    private final Map<String, String> damaged = new LinkedHashMap<>();
    private final Map<String, String> notes = new LinkedHashMap<>();

    public void load() {
        if (id != null) {
            show(FacesMessages.attempt(() -> allocations.get(id)));
        }
    }

    private void show(AllocationView v) {
        order = v;
        shipping.clear();
        received.clear();
        damaged.clear();
        notes.clear();
        if (v != null) {
            v.lines().forEach(l -> shipping.put(l.material(), l.requested()));
        }
    }

    public void submit() {
        done(FacesMessages.attempt(() -> allocations.submit(id)));
    }

    public void approve() {
        done(FacesMessages.attempt(() -> allocations.approve(id)));
    }

    public void reject() {
        done(FacesMessages.attempt(() -> allocations.reject(id, reason)));
    }

    public void cancel() {
        done(FacesMessages.attempt(() -> allocations.cancel(id, reason)));
    }

    /** Ships the quantities in the form: less than asked closes the rest short, with the reason given. */
    public void ship() {
        ShipForm form = new ShipForm();
        List<ShipForm.LineShipment> lines = new ArrayList<>();
        shipping.forEach((material, quantity) -> {
            ShipForm.LineShipment s = new ShipForm.LineShipment();
            s.setMaterial(material);
            s.setQuantity(quantity == null || quantity.isBlank() ? "0" : quantity.trim());
            lines.add(s);
        });
        form.setLines(lines);
        form.setReason(reason);
        done(FacesMessages.attempt(() -> allocations.ship(id, form)));
    }

    /** Records what arrived; blank "intact" means all that was shipped, less what is reported damaged. */
    public void receive() {
        ReceiptForm form = new ReceiptForm();
        form.setLines(order.lines().stream().map(l -> {
            ReceiptForm.LineReceipt line = new ReceiptForm.LineReceipt();
            line.setMaterial(l.material());
            line.setReceived(blankToNull(received.get(l.material())));
            line.setDamaged(blankToNull(damaged.get(l.material())));
            line.setNote(blankToNull(notes.get(l.material())));
            return line;
        }).toList());
        done(FacesMessages.attempt(() -> allocations.receive(id, form)));
    }

    /** Throws the draft away and goes back to the list. */
    public String delete() {
        Boolean deleted = FacesMessages.attempt(() -> {
            allocations.deleteDraft(id);
            return Boolean.TRUE;
        });
        if (deleted == null) {
            return null;
        }
        FacesMessages.info(locale.text("allocation.deleted"));
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/app/allocations?faces-redirect=true";
    }

    private void done(AllocationView result) {
        if (result != null) {
            show(result);
            reason = null;
            FacesMessages.info(locale.text("allocation.now", getReference(),
                    locale.text("allocation.status." + result.status())));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The number, or for a draft (which has none yet; the badge says it is a draft) its id. */
    public String getReference() {
        return order.number() != null ? order.number() : "#" + order.id();
    }

    public boolean isShowsSourceStock() {
        return order != null && order.lines().stream().anyMatch(l -> l.availableAtSource() != null);
    }

    /** The source holds less usable stock than the line asks for. */
    public boolean lacking(AllocationView.Line l) {
        return l.availableAtSource() != null
                && new java.math.BigDecimal(l.availableAtSource()).compareTo(new java.math.BigDecimal(l.requested())) < 0;
    }

    /** A material of the order by its name in the user's language. */
    public String materialOf(String code) {
        return order.lines().stream().filter(l -> l.material().equals(code)).findFirst().map(this::material).orElse(code);
    }

    public String place(AllocationView.Place p) {
        return locale.name(p.nameZh(), p.nameEn()) + " (" + p.code() + ")";
    }

    public String material(AllocationView.Line l) {
        return locale.name(l.materialZh(), l.materialEn());
    }

    public String unit(AllocationView.Line l) {
        return locale.name(l.unitZh(), l.unitEn());
    }

    public String event(AllocationView.Event e) {
        return locale.text("allocation.event." + e.what());
    }

    public String time(Instant at) {
        return at == null ? "" : MINUTE.format(at);
    }

    public String getStatusLabel() {
        return locale.text("allocation.status." + order.status());
    }

    public boolean can(String action) {
        return order != null && order.can(action);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public AllocationView getOrder() { return order; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public Map<String, String> getShipping() { return shipping; }
    public Map<String, String> getReceived() { return received; }
    public Map<String, String> getDamaged() { return damaged; }
    public Map<String, String> getNotes() { return notes; }
}
