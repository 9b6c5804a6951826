package org.reliefchain.finance.subsidy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares our statement with the enterprise's own, line by line (pure). Lines are matched by agreement,
 * material and kind; several rows of one key on either side are added up. A difference says why it is
 * one: a line only we have, a line only they have, a different basis (they counted other unit-days,
 * which explains the amount), or the same basis at a different amount (another rate or rounding).
 */
public final class Reconciler {

    /** A line of either side. {@code basis} may be unknown on theirs. */
    public record Side(String agreement, String material, LineKind kind, BigDecimal basis, BigDecimal amount) {

        Key key() {
            return new Key(agreement, material, kind);
        }
    }

    public record Difference(String agreement, String material, LineKind kind, BigDecimal ours, BigDecimal theirs,
                             String reason, String detail) {
    }

    record Key(String agreement, String material, LineKind kind) {
    }

    private Reconciler() {
    }

    public static List<Difference> compare(List<Side> ours, List<Side> theirs) {
        Map<Key, Side> mine = sum(ours);
        Map<Key, Side> their = sum(theirs);
        List<Difference> out = new ArrayList<>();
        for (var e : mine.entrySet()) {
            Side o = e.getValue();
            Side t = their.get(e.getKey());
            if (t == null) {
                if (o.amount().signum() != 0) {
                    out.add(new Difference(o.agreement(), o.material(), o.kind(), o.amount(), null, "MISSING_THEIRS",
                            "not on the enterprise's statement"));
                }
            } else if (o.amount().compareTo(t.amount()) != 0) {
                if (t.basis() != null && o.basis() != null && o.basis().compareTo(t.basis()) != 0) {
                    out.add(new Difference(o.agreement(), o.material(), o.kind(), o.amount(), t.amount(), "BASIS",
                            "basis " + plain(o.basis()) + " here, " + plain(t.basis()) + " theirs"));
                } else {
                    out.add(new Difference(o.agreement(), o.material(), o.kind(), o.amount(), t.amount(), "AMOUNT",
                            "same basis, amount differs by " + o.amount().subtract(t.amount()).toPlainString()));
                }
            }
        }
        for (var e : their.entrySet()) {
            if (!mine.containsKey(e.getKey()) && e.getValue().amount().signum() != 0) {
                Side t = e.getValue();
                out.add(new Difference(t.agreement(), t.material(), t.kind(), null, t.amount(), "MISSING_OURS",
                        "only on the enterprise's statement"));
            }
        }
        return out;
    }

    private static Map<Key, Side> sum(List<Side> sides) {
        Map<Key, Side> sums = new LinkedHashMap<>();
        for (Side s : sides) {
            sums.merge(s.key(), s, (a, b) -> new Side(a.agreement(), a.material(), a.kind(),
                    a.basis() == null || b.basis() == null ? null : a.basis().add(b.basis()),
                    a.amount().add(b.amount())));
        }
        return sums;
    }

    private static String plain(BigDecimal v) {
        return Objects.requireNonNull(v).stripTrailingZeros().toPlainString();
    }
}
