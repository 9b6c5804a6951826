package org.reliefchain.division;

import java.io.Serializable;

/** A division as the API and UI show it. {@code population} is null where no figure is known. */
public record DivisionView(String code, String parent, DivisionLevel level, String nameZh, String nameEn,
                           Long population, GeoPoint position, boolean synthetic, PositionSource positionSource,
                           long childCount) implements Serializable {

    static DivisionView of(Division d, long childCount) {
        return new DivisionView(d.codeValue(), d.parentCode(), d.level(), d.nameZh(), d.nameEn(), d.population(),
                d.position(), d.positionSource() == PositionSource.SYNTHETIC, d.positionSource(), childCount);
    }
}
