package org.reliefchain.platform;

import java.util.List;

/** Input that breaks a rule; names each offending field and why. */
public class InvalidInputException extends BusinessException {

    /**
     * One field at fault. {@code code} (required, number, positive, decimals, whole, too-large, not-more-than,
     * length, ...) and {@code args} let a screen say the same in its user's language; the English
     * {@code reason} is the API's text.
     */
    public record FieldError(String field, String reason, String code, List<String> args) {

        public FieldError(String field, String reason) {
            this(field, reason, null, List.of());
        }
    }

    private final List<FieldError> errors;

    public InvalidInputException(String field, String reason) {
        this(List.of(new FieldError(field, reason)));
    }

    /** A refusal a screen can translate: {@code code} names the rule, {@code args} its figures. */
    public InvalidInputException(String field, String reason, String code, String... args) {
        this(List.of(new FieldError(field, reason, code, List.of(args))));
    }

    public static InvalidInputException required(String field, String when) {
        return new InvalidInputException(field, "is required" + (when == null ? "" : " when " + when), "required");
    }

    /** Runs one parse, adding its refusal to {@code errors} instead of throwing: a form's errors, all at once. */
    public static <T> T collect(List<FieldError> errors, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    public InvalidInputException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.reason()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid input"));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public Kind kind() {
        return Kind.INVALID;
    }

    @Override
    public String type() {
        return "validation";
    }
}
