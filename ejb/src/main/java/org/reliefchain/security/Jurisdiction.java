package org.reliefchain.security;

import org.reliefchain.division.DivisionCode;

/** The division subtree a user may act in: their division and everything below it. */
public record Jurisdiction(DivisionCode root) {

    public boolean covers(DivisionCode division) {
        return root.contains(division);
    }

    /** @throws OutsideJurisdictionException when {@code division} lies outside this subtree */
    public void requireCovers(DivisionCode division, String what) {
        if (!covers(division)) {
            throw new OutsideJurisdictionException(root, division, what);
        }
    }

    /** A SQL/JPQL {@code LIKE} pattern that matches every division code inside this jurisdiction. */
    public String likePattern() {
        return root.value() + "%";
    }
}
