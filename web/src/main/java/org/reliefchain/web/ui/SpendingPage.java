package org.reliefchain.web.ui;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.reliefchain.finance.spending.SpendingKind;
import org.reliefchain.finance.spending.SpendingReport;
import org.reliefchain.finance.spending.SpendingService;

/** The year's reserve spending of a division in the user's jurisdiction, by division and level. */
@Named
@ViewScoped
public class SpendingPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private SpendingService spending;

    @Inject
    private LocaleSelector locale;

    private int year;
    private String division;
    private SpendingReport report;

    @PostConstruct
    void init() {
        year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        show();
    }

    public void show() {
        SpendingReport found = FacesMessages.attempt(() -> spending.year(year, Pickers.code(division)));
        if (found != null) {
            report = found;
        }
    }

    /** This year and the four before it: spending is reviewed for the current and past budgets. */
    public List<Integer> getYears() {
        int now = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        List<Integer> years = new ArrayList<>();
        for (int y = now; y > now - 5; y--) {
            years.add(y);
        }
        return years;
    }

    public SpendingKind[] getKinds() { return SpendingKind.values(); }

    public String amount(SpendingReport.Row row, SpendingKind kind) {
        return locale.yuan(row.amounts().get(kind));
    }

    public String name(SpendingReport.Row row) {
        return locale.name(row.nameZh(), row.nameEn()) + " " + row.division();
    }

    public String getTitle() {
        return report == null ? "" : report.year() + " " + locale.name(report.divisionNameZh(), report.divisionNameEn());
    }

    public SpendingReport getReport() { return report; }
    public int getYear() { return year; }
    public void setYear(int year) { this.year = year; }
    public String getDivision() { return division; }
    public void setDivision(String division) { this.division = division; }
}
