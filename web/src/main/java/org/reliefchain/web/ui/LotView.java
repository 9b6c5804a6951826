package org.reliefchain.web.ui;

import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.reliefchain.platform.PageRequest;
import org.reliefchain.stock.BalanceQuery;
import org.reliefchain.stock.BalanceView;
import org.reliefchain.stock.MovementQuery;
import org.reliefchain.stock.MovementView;
import org.reliefchain.stock.StockQueries;

/** One lot in one warehouse: what it is, what is left, and every movement that made it so. */
@Named
@ViewScoped
public class LotView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private StockQueries stock;

    private String warehouse;
    private String material;
    private String lot;
    private BalanceView balance;
    private List<MovementView> history;
    /** The ledger's period: the last 30 days unless the user picks another. */
    private java.time.LocalDate ledgerFrom = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(30);
    private java.time.LocalDate ledgerTo = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));

    /** Called once the view parameters are set. */
    public void load() {
        if (warehouse == null || material == null || lot == null) {
            return;
        }
        List<BalanceView> found = FacesMessages.attempt(() -> stock.balances(new BalanceQuery(warehouse, material, null,
                null, null, lot), PageRequest.of(0, 1)).items());
        balance = found == null || found.isEmpty() ? null : found.get(0);
        history = FacesMessages.attempt(() -> stock.movements(new MovementQuery(warehouse, material, lot, null, null),
                PageRequest.of(0, PageRequest.MAX_SIZE)).items());
    }

    public java.time.LocalDate getLedgerFrom() { return ledgerFrom; }
    public void setLedgerFrom(java.time.LocalDate ledgerFrom) { this.ledgerFrom = ledgerFrom; }
    public java.time.LocalDate getLedgerTo() { return ledgerTo; }
    public void setLedgerTo(java.time.LocalDate ledgerTo) { this.ledgerTo = ledgerTo; }
    public String getWarehouse() { return warehouse; }
    public void setWarehouse(String warehouse) { this.warehouse = warehouse; }
    public String getMaterial() { return material; }
    public void setMaterial(String material) { this.material = material; }
    public String getLot() { return lot; }
    public void setLot(String lot) { this.lot = lot; }
    public BalanceView getBalance() { return balance; }
    public List<MovementView> getHistory() { return history; }
}
