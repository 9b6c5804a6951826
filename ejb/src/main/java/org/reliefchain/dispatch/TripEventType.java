package org.reliefchain.dispatch;

import java.util.Locale;
import org.reliefchain.platform.InvalidInputException;

/** What a field report says happened. */
public enum TripEventType {
    LOADED, DEPARTED, ARRIVED, DELIVERED, RETURNED;

    static TripEventType parse(String text) {
        try {
            return valueOf(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("type", "one of LOADED, DEPARTED, ARRIVED, DELIVERED, RETURNED");
        }
    }
}
