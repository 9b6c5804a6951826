package org.reliefchain.web.ui;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.reliefchain.stock.count.CountEntry;
import org.reliefchain.stock.count.StockCountService;
import org.reliefchain.stock.count.StockCountView;

/**
 * The count workflow on one page: the counts in progress in the jurisdiction (they freeze their warehouse's
 * stock) and the latest finished ones, each opened with a click or by its number; a new count of a warehouse
 * picked by name; the sheet with names and units, where what is on the shelf goes next to what the books say;
 * submit; a second manager approves (the button is offered only to someone who may).
 */
@Named
@ViewScoped
public class CountDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private StockCountService counts;
    @Inject
    private LocaleSelector locale;

    @Inject
    private Pickers pickers;
    @Inject
    private Navigation navigation;

    private String warehouse;
    private Long countId;
    private String number;
    private List<StockCountView> inProgress;
    private List<StockCountView> recent;
    private StockCountView count;
    /** What the user typed, one entry per line of the count, in the same order. */
    private List<String> counted = new ArrayList<>();

    public void open() {
        show(FacesMessages.attempt(() -> counts.open(pickers.warehouseCode(warehouse))));
        lists();
    }

    /** Opens a count by its id (from a link) or by the number printed on it. */
    public void load() {
        if (number != null && !number.isBlank()) {
            show(FacesMessages.attempt(() -> counts.byNumber(number)));
        } else if (countId != null) {
            show(FacesMessages.attempt(() -> counts.get(countId)));
        }
    }

    public void pick(StockCountView c) {
        countId = c.id();
        number = null;
        show(FacesMessages.attempt(() -> counts.get(c.id())));
    }

    private void lists() {
        inProgress = counts.inProgress();
        recent = counts.list(null, org.reliefchain.platform.PageRequest.of(0, 20)).items().stream()
                .filter(c -> c.status() == org.reliefchain.stock.count.StockCount.Status.APPROVED).toList();
    }

    public List<StockCountView> getInProgress() {
        if (inProgress == null) {
            lists();
        }
        return inProgress;
    }

    public List<StockCountView> getRecent() {
        if (recent == null) {
            lists();
        }
        return recent;
    }

    public boolean isApprovable() {
        return count != null && navigation.isStockKeeper() && count.approvableBy(navigation.getMe().username());
    }

    public String material(StockCountView.Line l) {
        return locale.name(l.materialZh(), l.materialEn());
    }

    public String unit(StockCountView.Line l) {
        return locale.name(l.unitZh(), l.unitEn());
    }

    public void save() {
        CountEntry entry = new CountEntry();
        List<CountEntry.LotCount> lines = new ArrayList<>();
        for (int i = 0; i < count.lines().size(); i++) {
            String value = counted.get(i);
            if (value != null && !value.isBlank()) {
                StockCountView.Line line = count.lines().get(i);
                CountEntry.LotCount c = new CountEntry.LotCount();
                c.setLotId(line.lotId());
                c.setMaterial(line.material());
                c.setLot(line.lot());
                c.setCounted(value.trim());
                lines.add(c);
            }
        }
        entry.setLines(lines);
        show(FacesMessages.attempt(() -> counts.record(count.id(), entry)));
    }

    public void submit() {
        show(FacesMessages.attempt(() -> counts.submit(count.id())));
        lists();
    }

    public void approve() {
        show(FacesMessages.attempt(() -> counts.approve(count.id())));
        lists();
    }

    private void show(StockCountView view) {
        if (view == null) {
            return;
        }
        count = view;
        countId = view.id();
        counted = new ArrayList<>();
        for (StockCountView.Line l : view.lines()) {
            counted.add(l.counted());
        }
        FacesMessages.info(locale.text("count.now", view.number(), locale.text("count.status." + view.status())));
    }

    public String getWarehouse() { return warehouse; }
    public void setWarehouse(String warehouse) { this.warehouse = warehouse; }
    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public Long getCountId() { return countId; }
    public void setCountId(Long countId) { this.countId = countId; }
    public StockCountView getCount() { return count; }
    public List<String> getCounted() { return counted; }
}
