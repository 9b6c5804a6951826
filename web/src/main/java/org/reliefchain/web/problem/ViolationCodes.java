package org.reliefchain.web.problem;

import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;

import org.reliefchain.platform.InvalidInputException.FieldError;

/**
 * A Bean Validation violation as a {@link FieldError} with a rule code, so that the API and the screens
 * describe it alike: the client's field name (not our parameter path) and a code a screen can translate.
 */
public final class ViolationCodes {

    private ViolationCodes() {
    }

    public static FieldError of(ConstraintViolation<?> violation) {
        String annotation = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        String field = fieldName(violation.getPropertyPath());
        return switch (annotation) {
            case "NotNull", "NotBlank", "NotEmpty" -> new FieldError(field, violation.getMessage(), "required", List.of());
            case "Size" -> new FieldError(field, violation.getMessage(), "size",
                    List.of(String.valueOf(attributes.get("min")), String.valueOf(attributes.get("max"))));
            case "Pattern" -> new FieldError(field, violation.getMessage(), "format", List.of());
            case "Positive" -> new FieldError(field, violation.getMessage(), "positive", List.of());
            case "Min", "DecimalMin", "PositiveOrZero" -> new FieldError(field, violation.getMessage(),
                    "too-small", List.of(String.valueOf(attributes.getOrDefault("value", "0"))));
            case "Max", "DecimalMax" -> new FieldError(field, violation.getMessage(), "too-large",
                    List.of(String.valueOf(attributes.get("value"))));
            case "Digits" -> new FieldError(field, violation.getMessage(), "digits",
                    List.of(String.valueOf(attributes.get("integer")), String.valueOf(attributes.get("fraction"))));
            default -> new FieldError(field, violation.getMessage());
        };
    }

    /** "create.request.username" -> "username": the client knows its JSON fields, not our parameter names. */
    public static String fieldName(Path path) {
        String last = null;
        for (Path.Node node : path) {
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                last = node.getName();
            }
        }
        return last == null ? path.toString() : last;
    }
}
