package org.reliefchain.platform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import net.sourceforge.pinyin4j.PinyinHelper;

/**
 * The pinyin initials of a Chinese name, the way people type into a picker on a phone or a keyboard without an
 * input method: 永嘉县 is "yjx". Stored beside a name so that a picker can match them with a plain {@code like}.
 * <p>
 * A character with more than one reading contributes each of them, so a name can have several spellings,
 * separated by a space: 长兴县 is "cxx zxx". The spellings are capped, because a long warehouse name with many
 * such characters would otherwise multiply out; the readings pinyin4j lists first come first, and they are the
 * common ones, and all of them fit the column ({@link #MAX_LENGTH}). Letters and digits in the name are kept (lower
 * case), everything else is dropped; characters outside the Basic Multilingual Plane (rare in place names) too.
 */
public final class NameInitials {

    /** Enough for every division name in the province; a warehouse name beyond it keeps its first spellings. */
    private static final int MAX_SPELLINGS = 4;
    /** The column's width: spellings that would pass it are left out (a name of 100 characters has room for two). */
    public static final int MAX_LENGTH = 200;

    private NameInitials() {
    }

    /** The initials of {@code name}, or null for a blank name. */
    public static String of(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        List<StringBuilder> spellings = new ArrayList<>();
        spellings.add(new StringBuilder());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            Set<Character> initials = initials(c);
            if (initials.isEmpty()) {
                continue;
            }
            List<StringBuilder> next = new ArrayList<>();
            for (StringBuilder spelling : spellings) {
                for (char initial : initials) {
                    if (next.size() < MAX_SPELLINGS) {
                        next.add(new StringBuilder(spelling).append(initial));
                    }
                }
            }
            spellings = next;
        }
        StringBuilder out = new StringBuilder();
        for (String spelling : spellings.stream().map(StringBuilder::toString).distinct().toList()) {
            if (out.length() + (out.length() == 0 ? 0 : 1) + spelling.length() <= MAX_LENGTH) {
                out.append(out.length() == 0 ? "" : " ").append(spelling);
            }
        }
        return out.toString();
    }

    private static Set<Character> initials(char c) {
        Set<Character> out = new LinkedHashSet<>();
        if (c < 128) {
            if (Character.isLetterOrDigit(c)) {
                out.add(Character.toLowerCase(c));
            }
            return out;
        }
        String[] readings = PinyinHelper.toHanyuPinyinStringArray(c);
        if (readings != null) {
            for (String reading : readings) {
                if (!reading.isEmpty() && Character.isLetter(reading.charAt(0))) {
                    out.add(Character.toLowerCase(reading.charAt(0)));
                }
            }
        }
        return out;
    }
}
