package org.reliefchain.incident;

/**
 * Whom a relief standard counts: every affected person (water, food), relocated people only (quilts,
 * hygiene kits: those at home keep theirs), or households of relocated people (tents, family kits).
 */
public enum StandardBasis {
    PER_PERSON, PER_RELOCATED, PER_RELOCATED_HOUSEHOLD;

    /**
     * People per household for tents and family kits: a 12 m² relief tent gives 3.4 people Sphere's
     * 3.5 m² each (data/zhejiang/relief_standards.csv), so a household of three fits one tent.
     */
    public static final int HOUSEHOLD_PERSONS = 3;

    public long count(long people, long relocated) {
        return switch (this) {
            case PER_PERSON -> people;
            case PER_RELOCATED -> relocated;
            case PER_RELOCATED_HOUSEHOLD -> (relocated + HOUSEHOLD_PERSONS - 1) / HOUSEHOLD_PERSONS;
        };
    }
}
