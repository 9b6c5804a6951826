package org.reliefchain.place;

import org.reliefchain.division.DivisionCode;
import org.reliefchain.platform.BusinessException;

/** Ports, air bases and landing points are the province's to change; a city or county user may only read them. */
public class ProvinceOnlyException extends BusinessException {

    public ProvinceOnlyException(PlaceKind kind, DivisionCode jurisdiction) {
        super(kind + " places are kept by the province; your jurisdiction " + jurisdiction + " may only read them");
    }

    @Override
    public Kind kind() {
        return Kind.FORBIDDEN;
    }

    @Override
    public String type() {
        return "province-only";
    }
}
