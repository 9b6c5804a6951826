package org.reliefchain.web.ui;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;
import org.reliefchain.catalog.CatalogService;
import org.reliefchain.catalog.MaterialView;
import org.reliefchain.plan.PlanLineView;
import org.reliefchain.plan.PlanService;
import org.reliefchain.platform.PageRequest;

/**
 * The yearly reserve plan (储备计划) of the manager's warehouses: targets computed from the reserve
 * standards, each editable by hand (an edited target survives recomputation), with on-hand stock and
 * completion beside it. Edits carry the line's version, so two managers cannot overwrite each other.
 */
@Named
@ViewScoped
public class PlanDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private PlanService plans;
    @Inject
    private CatalogService catalog;
    @Inject
    private LocaleSelector locale;
    @Inject
    private Pickers pickers;

    private int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    private String warehouse;
    private String material;
    private boolean shortOnly;
    private List<MaterialView> materials;
    private LazyDataModel<PlanLineView> lines;
    /** Targets typed into the table, by plan line id, until saved. */
    private final Map<Long, String> targets = new HashMap<>();

    @PostConstruct
    void init() {
        materials = catalog.list(null, null, PageRequest.of(0, PageRequest.MAX_SIZE)).items();
        lines = new PagedModel<>((page, size) -> plans.lines(year, null, blank(pickers.warehouseCode(warehouse)), blank(material),
                shortOnly, PageRequest.of(page, size)), l -> String.valueOf(l.id()));
    }

    public void search() {
        targets.clear();
    }

    /** Saves the target typed for one line. */
    public void save(PlanLineView line) {
        String typed = targets.get(line.id());
        if (typed == null || typed.isBlank() || typed.trim().equals(line.target())) {
            return;
        }
        PlanLineView saved = FacesMessages.attempt(() -> plans.edit(line.id(), typed.trim(), line.version()));
        if (saved != null) {
            targets.remove(line.id());
            FacesMessages.info(locale.text("plan.saved", saved.warehouse(), saved.material(), saved.target()));
        }
    }

    /** Recomputes this year's targets from the standards; hand-edited targets are kept. */
    public void recompute() {
        Integer rows = FacesMessages.attempt(() -> plans.compute(year));
        if (rows != null) {
            targets.clear();
            FacesMessages.info(locale.text("plan.recomputed", rows));
        }
    }

    public String materialName(MaterialView m) {
        return locale.isEnglish() ? m.nameEn() : m.nameZh();
    }

    public String sourceLabel(PlanLineView line) {
        return locale.text("plan.source." + line.source());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public Map<Long, String> getTargets() { return targets; }
    public LazyDataModel<PlanLineView> getLines() { return lines; }
    public List<MaterialView> getMaterials() { return materials; }
    public int getYear() { return year; }
    public void setYear(int year) { this.year = year; }
    public String getWarehouse() { return warehouse; }
    public void setWarehouse(String warehouse) { this.warehouse = warehouse; }
    public String getMaterial() { return material; }
    public void setMaterial(String material) { this.material = material; }
    public boolean isShortOnly() { return shortOnly; }
    public void setShortOnly(boolean shortOnly) { this.shortOnly = shortOnly; }
}
