package org.reliefchain.web.ui;

import java.io.Serializable;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.division.DivisionLevel;
import org.reliefchain.network.WarehouseForm;
import org.reliefchain.network.WarehouseKind;
import org.reliefchain.network.WarehouseQuery;
import org.reliefchain.network.WarehouseService;
import org.reliefchain.network.WarehouseView;
import org.reliefchain.platform.PageRequest;

/**
 * The reserve network for managers: every warehouse is listed (a county asks its city for help), and
 * those inside the manager's jurisdiction can be registered, changed and deactivated. The service
 * decides what is allowed; this page shows its refusals as messages.
 */
@Named
@ViewScoped
public class WarehouseDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private WarehouseService warehouses;
    @Inject
    private LocaleSelector locale;

    private DivisionLevel level;
    private WarehouseKind kindFilter;
    private String division;
    private String text;
    private LazyDataModel<WarehouseView> list;
    /** The period of the ledger links on every row: the last 30 days unless the user picks another. */
    private java.time.LocalDate ledgerFrom = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(30);
    private java.time.LocalDate ledgerTo = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));

    /** The form: a new warehouse when {@code editing} is null, else the one being changed. */
    private WarehouseForm form;
    private String editing;

    @Inject
    private Navigation navigation;

    @PostConstruct
    void init() {
        list = new PagedModel<>((page, size) -> warehouses.list(new WarehouseQuery(level, scope(), kindFilter, text),
                PageRequest.of(page, size)), WarehouseView::code);
    }

    /**
     * The division picked, or else the user's whole jurisdiction: the page lists the warehouses the user looks
     * after (other warehouses are still found by the pickers where a request may go to any of them).
     */
    private DivisionCode scope() {
        String picked = Pickers.code(division);
        DivisionCode own = DivisionCode.of(navigation.getMe().jurisdiction());
        if (picked == null) {
            return own;
        }
        DivisionCode chosen = DivisionCode.parse("division", picked);
        return chosen.value().startsWith(own.value()) ? chosen : own;
    }

    /** Managers and administrators change warehouses; everyone else reads. */
    public boolean isEditor() {
        return navigation.isStockKeeper() || navigation.isUserAdmin();
    }

    public void search() {
        // the lazy model reads the filters when the table reloads
    }

    public void startNew() {
        editing = null;
        form = new WarehouseForm();
        form.setKind(WarehouseKind.GOVERNMENT);
    }

    public void edit(WarehouseView w) {
        editing = w.code();
        form = new WarehouseForm();
        form.setCode(w.code());
        form.setNameZh(w.nameZh());
        form.setNameEn(w.nameEn());
        form.setDivision(w.division());
        form.setKind(w.kind());
        form.setAddress(w.address());
        form.setLon(w.lon());
        form.setLat(w.lat());
        form.setFloorAreaM2(w.floorAreaM2());
        form.setVolumeM3(w.volumeM3());
        form.setRoadAccess(w.roadAccess());
        form.setPortAccess(w.portAccess());
        form.setHelipad(w.helipad());
        form.setContactName(w.contactName());
        form.setContactPhone(w.contactPhone());
        form.setVersion(w.version());
    }

    public void save() {
        form.setDivision(Pickers.code(form.getDivision()));
        WarehouseView saved = FacesMessages.attempt(() -> editing == null ? warehouses.create(form)
                : warehouses.update(editing, form));
        if (saved != null) {
            FacesMessages.info(locale.text(editing == null ? "warehouse.created" : "warehouse.saved", saved.code()));
            form = null;
            editing = null;
        }
    }

    public void cancel() {
        form = null;
        editing = null;
    }

    public void deactivate(WarehouseView w) {
        WarehouseView done = FacesMessages.attempt(() -> warehouses.deactivate(w.code()));
        if (done != null) {
            FacesMessages.info(locale.text("warehouse.deactivated", done.code()));
        }
    }

    public String kindLabel(WarehouseKind kind) {
        return locale.text("warehouse.kind." + kind);
    }

    public String levelLabel(DivisionLevel l) {
        return locale.text("level." + l);
    }

    public String statusLabel(WarehouseView w) {
        return locale.text("warehouse.status." + w.status());
    }

    public java.time.LocalDate getLedgerFrom() { return ledgerFrom; }
    public void setLedgerFrom(java.time.LocalDate ledgerFrom) { this.ledgerFrom = ledgerFrom; }
    public java.time.LocalDate getLedgerTo() { return ledgerTo; }
    public void setLedgerTo(java.time.LocalDate ledgerTo) { this.ledgerTo = ledgerTo; }
    public List<WarehouseKind> getKinds() { return List.of(WarehouseKind.values()); }
    public List<DivisionLevel> getLevels() { return List.of(DivisionLevel.values()); }
    public LazyDataModel<WarehouseView> getList() { return list; }
    public WarehouseForm getForm() { return form; }
    public boolean isEditingExisting() { return editing != null; }
    public DivisionLevel getLevel() { return level; }
    public void setLevel(DivisionLevel level) { this.level = level; }
    public WarehouseKind getKindFilter() { return kindFilter; }
    public void setKindFilter(WarehouseKind kindFilter) { this.kindFilter = kindFilter; }
    public String getDivision() { return division; }
    public void setDivision(String division) { this.division = division; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
}
