package org.reliefchain.web.ui;

import java.io.Serializable;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.reliefchain.plan.CompletionView;
import org.reliefchain.plan.PlanLineView;
import org.reliefchain.plan.PlanService;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.stock.BalanceQuery;
import org.reliefchain.stock.BalanceView;
import org.reliefchain.stock.StockQueries;

/**
 * What needs attention inside the caller's jurisdiction: lots expired or about to, materials short
 * against this year's plan, and plan completion by level as a bar chart.
 */
@Named
@ViewScoped
public class AlertsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 100;

    @Inject
    private StockQueries stock;
    @Inject
    private PlanService plans;

    private int year;
    private Page<BalanceView> expiring;
    private Page<PlanLineView> shortfalls;
    private List<CompletionView> completion;

    @PostConstruct
    void init() {
        year = Year.now(ZoneId.of("Asia/Shanghai")).getValue();
        expiring = stock.balances(new BalanceQuery(null, null, null, null, 90, null), PageRequest.of(0, SHOWN));
        shortfalls = plans.lines(year, null, null, null, true, PageRequest.of(0, SHOWN));
        completion = plans.completion(year, null, true);
    }

    public int getYear() { return year; }
    public Page<BalanceView> getExpiring() { return expiring; }
    public Page<PlanLineView> getShortfalls() { return shortfalls; }
    public List<CompletionView> getCompletion() { return completion; }
}
