package org.reliefchain.security;

import org.reliefchain.division.DivisionCode;
import org.reliefchain.platform.BusinessException;

/** The caller tried to act on a division outside their jurisdiction. */
public class OutsideJurisdictionException extends BusinessException {

    public OutsideJurisdictionException(DivisionCode jurisdiction, DivisionCode target, String what) {
        super(what + " in division " + target + " is outside your jurisdiction " + jurisdiction);
        withArgs(target.value(), jurisdiction.value());
    }

    @Override
    public Kind kind() {
        return Kind.FORBIDDEN;
    }

    @Override
    public String type() {
        return "outside-jurisdiction";
    }
}
