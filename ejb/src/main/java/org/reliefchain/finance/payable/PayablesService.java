package org.reliefchain.finance.payable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.reliefchain.finance.journal.Account;
import org.reliefchain.security.Caller;
import org.reliefchain.security.JurisdictionGuard;
import org.reliefchain.stock.Money;

/**
 * Payables by enterprise, from the journal alone, so that they sum to the fen with it and with the trial
 * balance. An entry is classified by its other side: one that credits BANK is a payment; otherwise the
 * expense account it books (SUBSIDY_EXPENSE, PURCHASE_EXPENSE, COMPENSATION_EXPENSE, ROTATION_EXPENSE)
 * says what was owed. Each PAYABLE line counts credit less debit (a negative statement, whose deductions
 * exceeded its fees, reduces what is owed).
 */
@Stateless
@RolesAllowed({"ADMIN", "FINANCE", "AUDITOR"})
public class PayablesService {

    private static final String BY_KIND = "select p.enterprise_id, e.name, e.credit_code, p.kind, sum(p.amount)"
            + " from (select l.enterprise_id, coalesce((select 'BANK' from journal_line b where b.entry_id = l.entry_id"
            + " and b.account = 'BANK' limit 1), (select min(x.account) from journal_line x where x.entry_id = l.entry_id"
            + " and x.account like '%\\_EXPENSE')) as kind, l.credit - l.debit as amount"
            + " from journal_line l join journal_entry j on j.id = l.entry_id"
            + " where l.account = 'PAYABLE' and j.division_code like ?1) p join enterprise e on e.id = p.enterprise_id"
            + " group by p.enterprise_id, e.name, e.credit_code, p.kind order by e.name, p.enterprise_id";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private JurisdictionGuard guard;

    public Payables byEnterprise() {
        Caller caller = guard.caller();
        String like = caller.jurisdiction().likePattern();
        Map<Long, Sums> rows = new LinkedHashMap<>();
        for (Object o : em.createNativeQuery(BY_KIND).setParameter(1, like).getResultList()) {
            Object[] r = (Object[]) o;
            Sums s = rows.computeIfAbsent(((Number) r[0]).longValue(), id -> new Sums(id, (String) r[1], (String) r[2]));
            s.add((String) r[3], Money.cny((BigDecimal) r[4]));
        }
        Sums total = new Sums(null, null, null);
        List<Payables.Row> out = new ArrayList<>();
        for (Sums s : rows.values()) {
            out.add(s.row());
            total.addAll(s);
        }
        Object journal = em.createNativeQuery("select coalesce(sum(l.credit) - sum(l.debit), 0) from journal_line l"
                + " join journal_entry j on j.id = l.entry_id where l.account = 'PAYABLE' and j.division_code like ?1")
                .setParameter(1, like).getSingleResult();
        Money journalBalance = Money.cny(((BigDecimal) journal).setScale(2));
        return new Payables(caller.jurisdiction().root().value(), out, total.row(), journalBalance.plain(),
                total.balance().minus(journalBalance).plain());
    }

    /** Running sums of one enterprise's payables by kind. */
    private static final class Sums {
        private final Long id;
        private final String name;
        private final String creditCode;
        private final Map<String, Money> byKind = new LinkedHashMap<>();

        Sums(Long id, String name, String creditCode) {
            this.id = id;
            this.name = name;
            this.creditCode = creditCode;
        }

        void add(String kind, Money amount) {
            byKind.merge(kind == null ? "OTHER" : kind, amount, Money::plus);
        }

        void addAll(Sums other) {
            other.byKind.forEach(this::add);
        }

        Money get(String kind) {
            return byKind.getOrDefault(kind, Money.zero(Money.CNY));
        }

        Money owed() {
            return byKind.entrySet().stream().filter(e -> !e.getKey().equals("BANK")).map(Map.Entry::getValue)
                    .reduce(Money.zero(Money.CNY), Money::plus);
        }

        /** Paid is the debits to PAYABLE against BANK: shown positive. */
        Money paid() {
            return get("BANK").negate();
        }

        Money balance() {
            return owed().minus(paid());
        }

        Payables.Row row() {
            return new Payables.Row(id, name, creditCode, get(Account.SUBSIDY_EXPENSE.name()).plain(),
                    get(Account.PURCHASE_EXPENSE.name()).plain(), get(Account.COMPENSATION_EXPENSE.name()).plain(),
                    get(Account.ROTATION_EXPENSE.name()).plain(), owed().plain(), paid().plain(), balance().plain());
        }
    }
}
