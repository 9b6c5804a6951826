package org.reliefchain.web.ui;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Puts a translated text inside a JavaScript string literal on a page ({@code '#{js.text(msg['key'])}'}).
 * Every character that could end the literal or the script, or that HTML would read, is written as a
 * {@code \\uXXXX} escape: a translation with a quote in it (English has many) no longer breaks the map.
 */
@Named("js")
@ApplicationScoped
public class JsText {

    public String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '\'' || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c == '/'
                    || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
