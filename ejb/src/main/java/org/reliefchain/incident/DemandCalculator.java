package org.reliefchain.incident;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Demand lines = people counted by the standard x quantity x days (once for one-off items), rounded
 * up to whole units of the material, per demand point and material. No framework: the arithmetic a
 * dispatcher can check by hand.
 *
 * <p>Priority (1 highest): a point cut off from the roads gets 1, a point with vulnerable people
 * (children under 3, people over 65, pregnant women) 2, any other 3.
 */
public final class DemandCalculator {

    private DemandCalculator() {
    }

    /** A demand point's current figures. */
    public record Point(String division, String name, String county, AffectedReport.AffectedFigures figures) {
    }

    /** A computed line; {@code quantity} is the override when there is one, else {@code computed}. */
    public record Line(String division, String name, String county, String material, long people, BigDecimal computed,
                       BigDecimal overridden, String overrideReason, int priority, int standardVersion) {
        public BigDecimal quantity() {
            return overridden != null ? overridden : computed;
        }
    }

    public static List<Line> lines(List<Point> points, int version, List<StandardLine> standards, int days,
                                   Map<String, DemandOverride> overrides) {
        List<Line> out = new ArrayList<>();
        for (Point p : points) {
            AffectedReport.AffectedFigures f = p.figures();
            int priority = f.cutOff() ? 1 : f.vulnerable() > 0 ? 2 : 3;
            for (StandardLine s : standards) {
                BigDecimal computed = quantity(s, f.people(), f.relocated(), days);
                DemandOverride o = overrides.get(key(p.division(), s.material()));
                if (computed.signum() == 0 && o == null) {
                    continue;
                }
                out.add(new Line(p.division(), p.name(), p.county(), s.material(), f.people(), computed,
                        o == null ? null : o.quantity(), o == null ? null : o.reason(), priority, version));
            }
        }
        return out;
    }

    /** One standard's quantity for the people at a point, rounded up to a whole unit. */
    public static BigDecimal quantity(StandardLine s, long people, long relocated, int days) {
        long counted = s.basis().count(people, relocated);
        BigDecimal q = s.quantity().multiply(BigDecimal.valueOf(counted));
        if (s.perDay()) {
            q = q.multiply(BigDecimal.valueOf(days));
        }
        return q.setScale(0, RoundingMode.CEILING);
    }

    public static String key(String division, String material) {
        return division + "/" + material;
    }
}
