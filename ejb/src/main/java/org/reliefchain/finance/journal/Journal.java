package org.reliefchain.finance.journal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.reliefchain.finance.enterprise.Enterprise;
import org.reliefchain.platform.Clock;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.platform.PagedQuery;
import org.reliefchain.security.Caller;
import org.reliefchain.security.JurisdictionGuard;

/**
 * Posts to and reads the finance journal. Posting joins the transaction of the document that causes it
 * (an approval, a payment): both commit or neither does. Reading is for finance staff and auditors, over
 * the entries of divisions in their jurisdiction.
 */
@Stateless
@PermitAll
public class Journal {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private JurisdictionGuard guard;

    @Inject
    private Clock clock;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public long post(String division, String documentType, long documentId, String documentNumber, String memo,
                     List<Posting> postings) {
        String by = guard.signedIn().map(Caller::username).orElse("system");
        JournalEntry entry = new JournalEntry(clock.now(), by, division, documentType, documentId, documentNumber,
                memo, postings);
        em.persist(entry);
        em.flush();
        return entry.id();
    }

    @RolesAllowed({"ADMIN", "FINANCE", "AUDITOR"})
    public Page<JournalView> entries(Long enterprise, String documentNumber, PageRequest page) {
        Caller caller = guard.caller();
        PagedQuery<JournalEntry> q = PagedQuery.of(JournalEntry.class, "j")
                .and("j.divisionCode like :d", "d", caller.jurisdiction().root().value() + "%")
                .andIf(documentNumber == null ? null : documentNumber.strip(), "j.documentNumber = :n", "n");
        if (enterprise != null) {
            q.and("exists (select l from JournalEntry x join x.lines l where x = j and l.enterpriseId = :e)",
                    "e", enterprise);
        }
        Page<JournalEntry> found = q.fetch(em, "j.id desc", page);
        Map<Long, String> names = new HashMap<>();
        return found.map(j -> view(j, names));
    }

    @RolesAllowed({"ADMIN", "FINANCE", "AUDITOR"})
    public TrialBalance trialBalance() {
        Caller caller = guard.caller();
        String division = caller.jurisdiction().root().value();
        Map<Account, BigDecimal[]> sums = new EnumMap<>(Account.class);
        for (Account a : Account.values()) {
            sums.put(a, new BigDecimal[] {BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)});
        }
        for (Object[] r : em.createQuery("select l.account, sum(l.debit), sum(l.credit) from JournalEntry j join j.lines l"
                + " where j.divisionCode like :d group by l.account", Object[].class)
                .setParameter("d", division + "%").getResultList()) {
            sums.put((Account) r[0], new BigDecimal[] {(BigDecimal) r[1], (BigDecimal) r[2]});
        }
        List<TrialBalance.Row> rows = new ArrayList<>();
        BigDecimal debit = BigDecimal.ZERO.setScale(2);
        BigDecimal credit = BigDecimal.ZERO.setScale(2);
        for (var e : sums.entrySet()) {
            BigDecimal d = e.getValue()[0].setScale(2);
            BigDecimal c = e.getValue()[1].setScale(2);
            rows.add(new TrialBalance.Row(e.getKey(), d.toPlainString(), c.toPlainString(),
                    d.subtract(c).toPlainString()));
            debit = debit.add(d);
            credit = credit.add(c);
        }
        return new TrialBalance(division, rows, debit.toPlainString(), credit.toPlainString(),
                debit.subtract(credit).toPlainString());
    }

    private JournalView view(JournalEntry j, Map<Long, String> names) {
        List<JournalView.Line> lines = new ArrayList<>();
        for (JournalEntry.Line l : j.lines()) {
            String name = l.enterpriseId() == null ? null : names.computeIfAbsent(l.enterpriseId(),
                    id -> em.find(Enterprise.class, id).name());
            lines.add(new JournalView.Line(l.lineNo(), l.account(), l.enterpriseId(), name,
                    l.debit().toPlainString(), l.credit().toPlainString()));
        }
        return new JournalView(j.id(), j.postedAt(), j.postedBy(), j.divisionCode(), j.documentType(),
                j.documentId(), j.documentNumber(), j.memo(), lines);
    }
}
