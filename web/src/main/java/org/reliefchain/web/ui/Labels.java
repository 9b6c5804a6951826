package org.reliefchain.web.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import org.reliefchain.division.DivisionLevel;

/** Reads the UI bundle outside a Faces request too (reports are rendered from the API). */
public final class Labels {

    public static final String BUNDLE = "org.reliefchain.web.ui.messages";

    private Labels() {
    }

    public static String get(String key, Locale locale, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, Labels.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String text = bundle.getString(key);
        return args.length == 0 ? text : new MessageFormat(text, locale).format(args);
    }

    public static String level(DivisionLevel level, Locale locale) {
        return get("level." + level.name(), locale);
    }
}
