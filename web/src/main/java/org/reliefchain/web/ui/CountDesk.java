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
 * The count workflow on one page: open a count of a warehouse, type what is on the shelf next to what
 * the books say, submit; a second manager opens the same count number and approves.
 */
@Named
@ViewScoped
public class CountDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private StockCountService counts;
    @Inject
    private LocaleSelector locale;

    private String warehouse;
    private Long countId;
    private StockCountView count;
    /** What the user typed, one entry per line of the count, in the same order. */
    private List<String> counted = new ArrayList<>();

    public void open() {
        show(FacesMessages.attempt(() -> counts.open(warehouse)));
    }

    public void load() {
        if (countId != null) {
            show(FacesMessages.attempt(() -> counts.get(countId)));
        }
    }

    public void save() {
        CountEntry entry = new CountEntry();
        List<CountEntry.LotCount> lines = new ArrayList<>();
        for (int i = 0; i < count.lines().size(); i++) {
            String value = counted.get(i);
            if (value != null && !value.isBlank()) {
                StockCountView.Line line = count.lines().get(i);
                CountEntry.LotCount c = new CountEntry.LotCount();
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
    }

    public void approve() {
        show(FacesMessages.attempt(() -> counts.approve(count.id())));
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
    public Long getCountId() { return countId; }
    public void setCountId(Long countId) { this.countId = countId; }
    public StockCountView getCount() { return count; }
    public List<String> getCounted() { return counted; }
}
