package org.reliefchain.home;

import java.util.List;

/**
 * What the home page shows one user: {@code work} are things waiting for them (each a count and the page where
 * they are done; a screen shows the ones above zero first), {@code figures} the headline figures of their
 * jurisdiction. Keys are stable names a screen words in its language.
 */
public record HomeView(List<Item> work, List<Item> figures) {

    /** One line: {@code value} is a count or an amount as text, {@code link} the page that deals with it. */
    public record Item(String key, String value, String link, boolean urgent) {
    }
}
