package org.reliefchain.finance.requisition;

import java.time.DateTimeException;
import java.time.LocalDate;

import org.reliefchain.platform.InvalidInputException;

/**
 * A resident identity card number (公民身份号码, GB 11643-1999): six digits of the address code, the date of
 * birth as yyyyMMdd, a three-digit sequence, and a check character from ISO 7064 MOD 11-2 over the first 17
 * (weights 2^(17-i) mod 11; the remainder maps to 1 0 X 9 8 7 6 5 4 3 2). A mistyped digit is caught by the
 * check character, so compensation is never owed to a number that belongs to nobody.
 */
public record ResidentId(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    public ResidentId {
        if (value == null || !valid(value)) {
            throw new IllegalArgumentException("not a resident ID number: " + value);
        }
    }

    /** From client text (spaces ignored, a lower-case x accepted); refusals name {@code field}. */
    public static ResidentId parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.required(field, null);
        }
        String id = text.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (!id.matches("[0-9]{17}[0-9X]")) {
            throw new InvalidInputException(field, "must be 18 characters: 17 digits and a digit or X",
                    "id-number-format");
        }
        if (birth(id) == null) {
            throw new InvalidInputException(field, "characters 7 to 14 must be a date of birth (yyyyMMdd)",
                    "id-number-birth");
        }
        if (checkCharacter(id) != id.charAt(17)) {
            throw new InvalidInputException(field, "the check character (the 18th) does not match the first 17:"
                    + " the number is mistyped", "id-number-check");
        }
        return new ResidentId(id);
    }

    /** The check character of the first 17 digits. */
    public static char checkCharacter(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    static boolean valid(String id) {
        return id.matches("[0-9]{17}[0-9X]") && birth(id) != null && checkCharacter(id) == id.charAt(17);
    }

    private static LocalDate birth(String id) {
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            return d.getYear() < 1800 ? null : d; // the standard's own example was born in 1880
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** "330102********123X": the region and the last four, enough to recognise a person, not to use the number. */
    public static String mask(String id) {
        return id == null ? null : id.substring(0, 6) + "********" + id.substring(14);
    }
}
