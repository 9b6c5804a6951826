package org.reliefchain.finance.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.reliefchain.stock.Money;

/** Every entry the finance books balances, whatever the amounts and their signs. */
class PostingTest {

    @Property(tries = 300)
    void approvals_and_payments_always_balance_and_the_trial_balance_stays_zero(
            @ForAll @Size(min = 1, max = 30) List<@LongRange(min = -5_000_000_00L, max = 5_000_000_00L) Long> totals) {
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        List<JournalEntry> entries = new ArrayList<>();
        for (long fen : totals) {
            if (fen == 0) {
                continue;
            }
            Money total = new Money(BigDecimal.valueOf(fen, 2), "CNY");
            entries.add(new JournalEntry(Instant.EPOCH, "t", "33", "STATEMENT", 1, "BT", "m",
                    Posting.transfer(total, Account.SUBSIDY_EXPENSE, null, Account.PAYABLE, 9L)));
            entries.add(new JournalEntry(Instant.EPOCH, "t", "33", "PAYMENT", 1, "BT", "m",
                    Posting.transfer(total, Account.PAYABLE, 9L, Account.BANK, null)));
        }
        BigDecimal payable = BigDecimal.ZERO;
        for (JournalEntry e : entries) {
            for (JournalEntry.Line l : e.lines()) {
                debit = debit.add(l.debit());
                credit = credit.add(l.credit());
                assertThat(l.debit().signum() == 0).isNotEqualTo(l.credit().signum() == 0);
                if (l.account() == Account.PAYABLE) {
                    payable = payable.add(l.debit()).subtract(l.credit());
                }
            }
        }
        assertThat(debit).isEqualByComparingTo(credit);
        assertThat(payable).as("every approved statement paid: nothing owed").isEqualByComparingTo("0");
    }

    @Test
    void an_unbalanced_entry_is_refused() {
        Money ten = new Money(new BigDecimal("10.00"), "CNY");
        Money nine = new Money(new BigDecimal("9.99"), "CNY");
        assertThatThrownBy(() -> new JournalEntry(Instant.EPOCH, "t", "33", "X", 1, "n", "m",
                List.of(Posting.debit(Account.BANK, null, ten), Posting.credit(Account.PAYABLE, 1L, nine))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10.00");
        assertThatThrownBy(() -> Posting.debit(Account.PAYABLE, null, ten)).isInstanceOf(IllegalArgumentException.class);
    }
}
