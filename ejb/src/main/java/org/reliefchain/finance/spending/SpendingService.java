package org.reliefchain.finance.spending;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.reliefchain.division.DivisionCode;
import org.reliefchain.division.DivisionLevel;
import org.reliefchain.finance.journal.Account;
import org.reliefchain.platform.Clock;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.Limits;
import org.reliefchain.platform.NotFoundException;
import org.reliefchain.security.Caller;
import org.reliefchain.security.JurisdictionGuard;

/**
 * The year's reserve spending by level and division. Journal amounts count where they were booked: an
 * expense entry belongs to the year it was posted in (China time) and to the division that posted it, net of
 * any reversal (debit less credit). A write-off counts in the year it became final (its chain record), at its
 * warehouse's division. Inside a division the caller's jurisdiction covers; any other is refused.
 */
@Stateless
@RolesAllowed({"ADMIN", "FINANCE", "AUDITOR"})
public class SpendingService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private JurisdictionGuard guard;

    @Inject
    private Clock clock;

    /** {@code year} null: the current year in China; {@code division} null or blank: the caller's jurisdiction. */
    public SpendingReport year(Integer given, String division) {
        int year = given == null ? clock.now().atZone(CHINA).getYear() : given;
        if (year < Limits.EARLIEST_YEAR || year > Limits.LATEST_YEAR) {
            throw new InvalidInputException("year", "must be between " + Limits.EARLIEST_YEAR + " and "
                    + Limits.LATEST_YEAR, "between", String.valueOf(Limits.EARLIEST_YEAR), String.valueOf(Limits.LATEST_YEAR));
        }
        Caller caller = guard.caller();
        DivisionCode root = division == null || division.isBlank() ? caller.jurisdiction().root()
                : DivisionCode.parse("division", division.strip());
        guard.require(root, "spending of division " + root);
        OffsetDateTime from = LocalDate.of(year, 1, 1).atStartOfDay(CHINA).toOffsetDateTime();
        OffsetDateTime to = LocalDate.of(year + 1, 1, 1).atStartOfDay(CHINA).toOffsetDateTime();
        String under = root.value() + "%";

        Spending spending = new Spending();
        @SuppressWarnings("unchecked")
        List<Object[]> booked = em.createNativeQuery("select d.code, d.name_zh, d.name_en, d.level, l.account,"
                        + " sum(l.debit - l.credit) from journal_entry j join journal_line l on l.entry_id = j.id"
                        + " join division d on d.code = j.division_code"
                        + " where j.division_code like ?1 and j.posted_at >= ?2 and j.posted_at < ?3"
                        + " and l.account in ('SUBSIDY_EXPENSE', 'PURCHASE_EXPENSE', 'COMPENSATION_EXPENSE', 'ROTATION_EXPENSE')"
                        + " group by d.code, d.name_zh, d.name_en, d.level, l.account")
                .setParameter(1, under).setParameter(2, from).setParameter(3, to).getResultList();
        for (Object[] r : booked) {
            spending.add(division(r), SpendingKind.of(Account.valueOf((String) r[4])), (BigDecimal) r[5]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> writtenOff = em.createNativeQuery("select d.code, d.name_zh, d.name_en, d.level, sum(w.amount)"
                        + " from write_off w join write_off_record c on c.write_off_id = w.id"
                        + " join division d on d.code = w.division_code"
                        + " where w.status = 'SIGNED' and w.division_code like ?1 and c.recorded_at >= ?2"
                        + " and c.recorded_at < ?3 group by d.code, d.name_zh, d.name_en, d.level")
                .setParameter(1, under).setParameter(2, from).setParameter(3, to).getResultList();
        for (Object[] r : writtenOff) {
            spending.add(division(r), SpendingKind.WRITE_OFF, (BigDecimal) r[4]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> named = em.createNativeQuery("select code, name_zh, name_en, level from division where code = ?1")
                .setParameter(1, root.value()).getResultList();
        if (named.isEmpty()) {
            throw new NotFoundException("division", root);
        }
        return spending.report(year, division(named.get(0)));
    }

    private static Spending.Division division(Object[] r) {
        return new Spending.Division((String) r[0], (String) r[1], (String) r[2], DivisionLevel.valueOf((String) r[3]));
    }
}
