package org.reliefchain.web.ui;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.fleet.FleetService;
import org.reliefchain.fleet.OwnerKind;
import org.reliefchain.fleet.StatusForm;
import org.reliefchain.fleet.VehicleForm;
import org.reliefchain.fleet.VehicleKind;
import org.reliefchain.fleet.VehicleQuery;
import org.reliefchain.fleet.VehicleStatus;
import org.reliefchain.fleet.VehicleView;
import org.reliefchain.platform.PageRequest;

/**
 * The relief fleet for dispatchers: every vehicle is listed; those of the viewer's jurisdiction can be
 * registered, changed and moved to another status (the view's {@code nextStatuses}). The base is
 * picked by name from the warehouses, ports or air bases that suit the kind.
 */
@Named
@ViewScoped
public class FleetDesk implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    private Pickers pickers;
    @Inject
    private FleetService fleet;
    @Inject
    private LocaleSelector locale;

    private VehicleKind kindFilter;
    private VehicleStatus statusFilter;
    private String division;
    private String text;
    private LazyDataModel<VehicleView> list;

    /** The form: a new vehicle when {@code editing} is null, else the one being changed. */
    private VehicleForm form;
    private String editing;
    /** The base as picked: "name (CODE)", or a code typed in. */
    private String baseText;
    private LocalDateTime availableFrom;
    private LocalDateTime availableUntil;

    /** The status change under way: the vehicle, its possible next statuses, the choice and why. */
    private VehicleView statusOf;
    private VehicleStatus newStatus;
    private String reason;

    @PostConstruct
    void init() {
        list = new PagedModel<>((page, size) -> fleet.list(new VehicleQuery(kindFilter, statusFilter,
                Pickers.code(division) == null ? null : DivisionCode.parse("division", Pickers.code(division)), text),
                PageRequest.of(page, size)), VehicleView::registration);
    }

    public void search() {
        // the lazy model reads the filters when the table reloads
    }

    public void startNew() {
        editing = null;
        statusOf = null;
        form = new VehicleForm();
        form.setKind(VehicleKind.TRUCK);
        form.setOwnerKind(OwnerKind.OWNED);
        form.setDutyHoursPerDay(BigDecimal.valueOf(12));
        baseText = null;
        availableFrom = null;
        availableUntil = null;
    }

    public void edit(VehicleView v) {
        statusOf = null;
        editing = v.registration();
        form = new VehicleForm();
        form.setRegistration(v.registration());
        form.setKind(v.kind());
        form.setDivision(pickers.divisionName(v.division()) + " (" + v.division() + ")");
        form.setCapacityKg(v.capacityKg());
        form.setCapacityM3(v.capacityM3());
        form.setHeightM(v.heightM());
        form.setWidthM(v.widthM());
        form.setGrossWeightT(v.grossWeightT());
        form.setRangeKm(v.rangeKm());
        form.setSortieMinutes(v.sortieMinutes());
        form.setSpeedKmh(v.speedKmh());
        form.setOwnerKind(v.ownerKind());
        form.setDutyHoursPerDay(v.dutyHoursPerDay());
        form.setCrewName(v.crewName());
        form.setCrewPhone(v.crewPhone());
        form.setVersion(v.version());
        baseText = v.baseName() + " (" + v.base() + ")";
        availableFrom = v.availableFrom() == null ? null : LocalDateTime.ofInstant(v.availableFrom(), CHINA);
        availableUntil = v.availableUntil() == null ? null : LocalDateTime.ofInstant(v.availableUntil(), CHINA);
    }

    /** A new kind of vehicle describes itself by other figures and is based elsewhere: clear those. */
    public void kindChanged() {
        if (form == null) {
            return;
        }
        if (!form.getKind().road()) {
            form.setHeightM(null);
            form.setWidthM(null);
            form.setGrossWeightT(null);
        }
        if (form.getKind() != VehicleKind.HELICOPTER) {
            form.setRangeKm(null);
            form.setSortieMinutes(null);
        }
        if (form.getKind() != VehicleKind.BOAT) {
            form.setSpeedKmh(null);
        }
        baseText = null;
    }

    /** Bases that suit the kind in the form whose name or code contains what was typed. */
    public List<String> completeBase(String query) {
        VehicleKind kind = form == null || form.getKind() == null ? VehicleKind.TRUCK : form.getKind();
        return fleet.bases(kind, query, 15).stream().map(b -> b.nameZh() + " (" + b.code() + ")").toList();
    }

    public void save() {
        form.setBase(Pickers.code(baseText));
        form.setDivision(Pickers.code(form.getDivision()));
        form.setAvailableFrom(availableFrom == null ? null : availableFrom.atZone(CHINA).toInstant());
        form.setAvailableUntil(availableUntil == null ? null : availableUntil.atZone(CHINA).toInstant());
        VehicleView saved = FacesMessages.attempt(() -> editing == null ? fleet.create(form)
                : fleet.update(editing, form));
        if (saved != null) {
            FacesMessages.info(locale.text(editing == null ? "fleet.created" : "fleet.saved", saved.registration()));
            form = null;
            editing = null;
        }
    }

    public void cancel() {
        form = null;
        editing = null;
        statusOf = null;
    }

    public void startStatus(VehicleView v) {
        form = null;
        editing = null;
        statusOf = v;
        newStatus = v.nextStatuses().isEmpty() ? null : v.nextStatuses().get(0);
        reason = null;
    }

    public void applyStatus() {
        StatusForm change = new StatusForm();
        change.setStatus(newStatus);
        change.setReason(reason);
        change.setVersion(statusOf.version());
        VehicleView done = FacesMessages.attempt(() -> fleet.changeStatus(statusOf.registration(), change));
        if (done != null) {
            FacesMessages.info(locale.text("fleet.statusChanged", done.registration(), statusLabel(done.status())));
            statusOf = null;
        }
    }

    public String kindLabel(VehicleKind k) {
        return locale.text("fleet.kind." + k);
    }

    public String statusLabel(VehicleStatus s) {
        return locale.text("fleet.status." + s);
    }

    public String ownerLabel(OwnerKind o) {
        return locale.text("fleet.owner." + o);
    }

    /** The figures that matter for the kind, e.g. "3.6 m × 2.5 m, 16 t". */
    public String limits(VehicleView v) {
        if (v.kind().road()) {
            return locale.text("fleet.limits.road", plain(v.heightM()), plain(v.widthM()), plain(v.grossWeightT()));
        }
        if (v.kind() == VehicleKind.HELICOPTER) {
            return locale.text("fleet.limits.air", plain(v.rangeKm()), v.sortieMinutes());
        }
        return locale.text("fleet.limits.boat", plain(v.speedKmh()));
    }

    /** 8000.0 -> "8000", 2.50 -> "2.5": as people write figures. */
    public String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    public boolean isRoad() { return form != null && form.getKind() != null && form.getKind().road(); }
    public boolean isHelicopter() { return form != null && form.getKind() == VehicleKind.HELICOPTER; }
    public boolean isBoat() { return form != null && form.getKind() == VehicleKind.BOAT; }
    public List<VehicleKind> getKinds() { return List.of(VehicleKind.values()); }
    public List<VehicleStatus> getStatuses() { return List.of(VehicleStatus.values()); }
    public List<OwnerKind> getOwners() { return List.of(OwnerKind.values()); }
    public LazyDataModel<VehicleView> getList() { return list; }
    public VehicleForm getForm() { return form; }
    public boolean isEditingExisting() { return editing != null; }
    public String getBaseText() { return baseText; }
    public void setBaseText(String baseText) { this.baseText = baseText; }
    public LocalDateTime getAvailableFrom() { return availableFrom; }
    public void setAvailableFrom(LocalDateTime t) { this.availableFrom = t; }
    public LocalDateTime getAvailableUntil() { return availableUntil; }
    public void setAvailableUntil(LocalDateTime t) { this.availableUntil = t; }
    public VehicleView getStatusOf() { return statusOf; }
    public VehicleStatus getNewStatus() { return newStatus; }
    public void setNewStatus(VehicleStatus newStatus) { this.newStatus = newStatus; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public VehicleKind getKindFilter() { return kindFilter; }
    public void setKindFilter(VehicleKind kindFilter) { this.kindFilter = kindFilter; }
    public VehicleStatus getStatusFilter() { return statusFilter; }
    public void setStatusFilter(VehicleStatus statusFilter) { this.statusFilter = statusFilter; }
    public String getDivision() { return division; }
    public void setDivision(String division) { this.division = division; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
}
