package org.reliefchain.finance.journal;

import org.reliefchain.stock.Money;

/** One side of an entry: an account (the enterprise for a payable), debited or credited a positive amount. */
public record Posting(Account account, Long enterpriseId, Money debit, Money credit) {

    public Posting {
        if ((account == Account.PAYABLE) != (enterpriseId != null)) {
            throw new IllegalArgumentException("a payable, and only a payable, names its enterprise");
        }
        if ((debit == null) == (credit == null) || (debit != null ? debit : credit).signum() <= 0) {
            throw new IllegalArgumentException("a posting is a positive debit or a positive credit");
        }
    }

    public static Posting debit(Account account, Long enterpriseId, Money amount) {
        return new Posting(account, enterpriseId, amount, null);
    }

    public static Posting credit(Account account, Long enterpriseId, Money amount) {
        return new Posting(account, enterpriseId, null, amount);
    }

    /**
     * Moving {@code amount} from {@code from} to {@code to}: debit {@code to}, credit {@code from}; a
     * negative amount (a statement whose deductions exceed its fees) books the other way round.
     */
    public static java.util.List<Posting> transfer(Money amount, Account to, Long toEnterprise, Account from,
                                                   Long fromEnterprise) {
        if (amount.signum() >= 0) {
            return java.util.List.of(debit(to, toEnterprise, amount), credit(from, fromEnterprise, amount));
        }
        Money positive = amount.negate();
        return java.util.List.of(debit(from, fromEnterprise, positive), credit(to, toEnterprise, positive));
    }
}
