package org.reliefchain.web.ui;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;
import org.reliefchain.plan.CompletionView;
import org.reliefchain.plan.PlanLineView;
import org.reliefchain.plan.PlanService;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.stock.BalanceQuery;
import org.reliefchain.stock.BalanceView;
import org.reliefchain.stock.StockQueries;

/**
 * What needs attention inside the caller's jurisdiction, most urgent first: lots expired or about to (soonest
 * expiry first), materials short against this year's plan (least complete, then largest shortfall), and plan
 * completion by level, and reserve agreements whose latest inspection found goods short or failing quality.
 * The lists are paged on the server; a shortfall opens a prefilled allocation request.
 */
@Named
@ViewScoped
public class AlertsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int NEAR_EXPIRY_DAYS = 90;

    @Inject
    private StockQueries stock;
    @Inject
    private PlanService plans;
    @Inject
    private org.reliefchain.finance.agreement.AgreementService agreements;

    private int year;
    private LazyDataModel<BalanceView> expiring;
    private LazyDataModel<PlanLineView> shortfalls;
    private LazyDataModel<org.reliefchain.finance.agreement.CheckFinding> findings;
    private List<CompletionView> completion;

    @PostConstruct
    void init() {
        year = Year.now(ZoneId.of("Asia/Shanghai")).getValue();
        expiring = new PagedModel<>((page, size) -> stock.balances(new BalanceQuery(null, null, null, null,
                NEAR_EXPIRY_DAYS, null), PageRequest.of(page, size), true),
                b -> b.warehouse() + "/" + b.material() + "/" + b.lot());
        int planYear = year;
        shortfalls = new PagedModel<>((page, size) -> plans.lines(planYear, null, null, null, true,
                PageRequest.of(page, size)), l -> String.valueOf(l.id()));
        completion = plans.completion(year, null, true);
        findings = new PagedModel<>((page, size) -> agreements.findings(PageRequest.of(page, size)),
                f -> f.agreementId() + "/" + f.line());
    }

    /** What to ask for to close a shortfall: whole units, rounded up. */
    public String requestQuantity(PlanLineView line) {
        return new BigDecimal(line.shortfall()).setScale(0, RoundingMode.CEILING).toPlainString();
    }

    public int getYear() { return year; }
    public LazyDataModel<BalanceView> getExpiring() { return expiring; }
    public LazyDataModel<PlanLineView> getShortfalls() { return shortfalls; }
    public LazyDataModel<org.reliefchain.finance.agreement.CheckFinding> getFindings() { return findings; }
    public List<CompletionView> getCompletion() { return completion; }
}
