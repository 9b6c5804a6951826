package org.reliefchain.platform;

import java.util.List;

/** Input that breaks a rule; names each offending field and why. */
public class InvalidInputException extends BusinessException {

    public record FieldError(String field, String reason) {
    }

    private final List<FieldError> errors;

    public InvalidInputException(String field, String reason) {
        this(List.of(new FieldError(field, reason)));
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
