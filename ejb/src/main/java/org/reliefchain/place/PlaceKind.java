package org.reliefchain.place;

import org.reliefchain.division.DivisionCode;
import org.reliefchain.division.DivisionLevel;
import org.reliefchain.security.Jurisdiction;

/** What a place is for. */
public enum PlaceKind {
    /** 港口/渡口: ports and ferry terminals, home of boats */
    PORT("PT", true),
    /** 机场/直升机场: airports, heliports and rescue flying bases, home of helicopters */
    AIR_BASE("AB", true),
    /** 临时起降点: where a helicopter may set down near the people it serves */
    LANDING_POINT("LP", true),
    /** 避灾安置场所: where relocated people stay */
    SHELTER("SH", false);

    private final String codePrefix;
    private final boolean provincial;

    PlaceKind(String codePrefix, boolean provincial) {
        this.codePrefix = codePrefix;
        this.provincial = provincial;
    }

    /** The prefix of the codes the loaders and seeders give ({@code PT-330903-2}). */
    public String codePrefix() {
        return codePrefix;
    }

    /**
     * Ports, air bases and landing points are one provincial network (the province's aviation plan
     * places the 300 landing points), so only a user of the province changes them; a shelter is the
     * business of the division it stands in.
     */
    public boolean provincial() {
        return provincial;
    }

    /** Whether a user of jurisdiction {@code j} may create or change a place of this kind in {@code division}. */
    public boolean editableBy(Jurisdiction j, DivisionCode division) {
        return provincial ? j.root().level() == DivisionLevel.PROVINCE : j.covers(division);
    }

    /** @throws ProvinceOnlyException or OutsideJurisdictionException unless {@link #editableBy} */
    public void requireEditableBy(Jurisdiction j, DivisionCode division) {
        if (provincial && j.root().level() != DivisionLevel.PROVINCE) {
            throw new ProvinceOnlyException(this, j.root());
        }
        j.requireCovers(division, "a " + name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }
}
