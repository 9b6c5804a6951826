package org.reliefchain.finance.enterprise;

import java.util.Locale;

import org.reliefchain.platform.InvalidInputException;

/**
 * A 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters from the 31 the standard
 * allows (digits and capitals but I, O, S, V, Z), the registering authority and kind, the six-digit
 * administrative division, the organisation code, and a check character computed from the first 17 with
 * weights 3^i mod 31. A mistyped character is caught by the check character, so a wrong code is refused
 * at the door instead of reaching a payment order.
 */
public record CreditCode(String value) {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        if (value == null || !valid(value)) {
            throw new IllegalArgumentException("not a unified social credit code: " + value);
        }
    }

    /** From client text (spaces ignored, lower case accepted); errors name {@code field}. */
    public static CreditCode parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.required(field, null);
        }
        String code = text.replace(" ", "").toUpperCase(Locale.ROOT);
        if (code.length() != 18) {
            throw new InvalidInputException(field, "must have 18 characters", "credit-code-length");
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                throw new InvalidInputException(field, "character " + (i + 1) + " (" + code.charAt(i) + ") is not"
                        + " allowed: digits and capitals except I, O, S, V and Z", "credit-code-character",
                        String.valueOf(i + 1));
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                throw new InvalidInputException(field, "characters 3 to 8 are the division code and must be digits",
                        "credit-code-division");
            }
        }
        if (checkCharacter(code) != code.charAt(17)) {
            throw new InvalidInputException(field, "the check character (the 18th) does not match the first 17:"
                    + " the code is mistyped", "credit-code-check");
        }
        return new CreditCode(code);
    }

    static boolean valid(String code) {
        if (code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0 || (i >= 2 && i < 8 && !Character.isDigit(code.charAt(i)))) {
                return false;
            }
        }
        return checkCharacter(code) == code.charAt(17);
    }

    /** The 18th character that the first 17 of {@code code} call for. */
    public static char checkCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }

    @Override
    public String toString() {
        return value;
    }
}
