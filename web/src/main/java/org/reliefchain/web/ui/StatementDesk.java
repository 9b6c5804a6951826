package org.reliefchain.web.ui;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;
import org.reliefchain.finance.subsidy.AccrualResult;
import org.reliefchain.finance.subsidy.AccrueForm;
import org.reliefchain.finance.subsidy.StatementService;
import org.reliefchain.finance.subsidy.StatementStatus;
import org.reliefchain.finance.subsidy.StatementView;
import org.reliefchain.platform.PageRequest;

/**
 * Subsidy statements of the user's jurisdiction, latest period first, filtered by status and period;
 * finance staff accrue a finished period (the quarters and months offered are the ones that are over).
 */
@Named
@ViewScoped
public class StatementDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private StatementService statements;
    @Inject
    private LocaleSelector locale;

    private StatementStatus status;
    private String period;
    private String accruePeriod;
    private String accrueDivision;
    private final LazyDataModel<StatementView> list = new PagedModel<>(
            (page, size) -> statements.list(status, period, null, null, new PageRequest(page, size)),
            s -> String.valueOf(s.id()));

    /** The finished quarters of the last two years, latest first, then the finished months of this year. */
    public List<String> getPeriods() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<String> out = new ArrayList<>();
        for (int year = today.getYear(); year >= today.getYear() - 2; year--) {
            for (int q = 4; q >= 1; q--) {
                if (YearMonth.of(year, q * 3).atEndOfMonth().isBefore(today)) {
                    out.add(year + "-Q" + q);
                }
            }
        }
        for (YearMonth m = YearMonth.from(today).minusMonths(1); m.getYear() == today.getYear(); m = m.minusMonths(1)) {
            out.add(m.toString());
        }
        return out;
    }

    public void accrue() {
        AccrualResult done = FacesMessages.attempt(() -> statements.accrue(new AccrueForm(accruePeriod,
                Pickers.code(accrueDivision))));
        if (done != null) {
            FacesMessages.info(locale.text("statement.accrued", done.period(), done.statements(), done.lines(),
                    locale.yuan(done.total()), done.alreadyAccrued()));
            period = done.period();
        }
    }

    public String division(StatementView s) {
        return locale.name(s.divisionNameZh(), s.divisionNameEn());
    }

    public StatementStatus[] getStatuses() { return StatementStatus.values(); }
    public LazyDataModel<StatementView> getList() { return list; }
    public StatementStatus getStatus() { return status; }
    public void setStatus(StatementStatus status) { this.status = status; }
    public String getPeriod() { return period; }
    public void setPeriod(String period) { this.period = period; }
    public String getAccruePeriod() { return accruePeriod; }
    public void setAccruePeriod(String accruePeriod) { this.accruePeriod = accruePeriod; }
    public String getAccrueDivision() { return accrueDivision; }
    public void setAccrueDivision(String accrueDivision) { this.accrueDivision = accrueDivision; }
}
