package org.reliefchain.dispatch;

import java.util.Locale;
import org.reliefchain.platform.InvalidInputException;

/** Where a trip is: planned (approved), loaded, on the road, back at base, or replaced by a revision before loading. */
public enum TripStatus {
    PLANNED, LOADED, DEPARTED, RETURNED, CANCELLED;

    static TripStatus parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "one of PLANNED, LOADED, DEPARTED, RETURNED, CANCELLED");
        }
    }
}
