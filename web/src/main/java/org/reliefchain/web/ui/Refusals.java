package org.reliefchain.web.ui;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import org.reliefchain.platform.BusinessException;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.InvalidInputException.FieldError;
import org.reliefchain.web.problem.ViolationCodes;

/**
 * A refusal from the services in the user's language: field errors name the field in the user's words
 * ({@code field.<name>}) and say what is wrong by rule ({@code invalid.<code>}); business refusals use the
 * words of their problem type ({@code problem.<type>}) with the refusal's figures filled in. Where the bundle
 * has no words yet, the service's English sentence is shown rather than nothing.
 */
final class Refusals {

    private final ResourceBundle bundle;
    private final Locale locale;

    Refusals(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    String text(BusinessException b) {
        if (b instanceof InvalidInputException invalid) {
            return fields(invalid.errors());
        }
        String key = "problem." + b.type();
        if (!bundle.containsKey(key)) {
            return b.getMessage();
        }
        if (!b.args().isEmpty()) {
            return new MessageFormat(bundle.getString(key), locale).format(b.args().toArray());
        }
        return bundle.getString(key) + (bundle.containsKey(key + ".alone") ? "" : separator() + b.getMessage());
    }

    String text(ConstraintViolationException v) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> c : v.getConstraintViolations()) {
            errors.add(ViolationCodes.of(c));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return fields(errors);
    }

    /** The fields at fault, by their leaf name ("lines[2].quantity" -> "quantity"), to mark them on a form. */
    static List<String> leaves(Throwable e) {
        List<String> out = new ArrayList<>();
        if (e instanceof InvalidInputException invalid) {
            invalid.errors().forEach(f -> out.add(leaf(f.field())));
        } else if (e instanceof ConstraintViolationException v) {
            v.getConstraintViolations().forEach(c -> out.add(leaf(ViolationCodes.fieldName(c.getPropertyPath()))));
        }
        return out;
    }

    private String fields(List<FieldError> errors) {
        List<String> parts = new ArrayList<>();
        for (FieldError e : errors) {
            parts.add(field(e));
        }
        return String.join(separator().equals("：") ? "；" : "; ", parts);
    }

    private String field(FieldError e) {
        String name = label(e.field());
        String rule = e.code() == null ? null : "invalid." + e.code();
        if (rule != null && bundle.containsKey(rule)) {
            List<Object> args = new ArrayList<>();
            args.add(name);
            args.addAll(e.args());
            return new MessageFormat(bundle.getString(rule), locale).format(args.toArray());
        }
        return name + separator() + e.reason();
    }

    /** The field in the user's words, with the line number when the error is in a list ("第 2 行 数量"). */
    private String label(String field) {
        String leaf = leaf(field);
        String words = bundle.containsKey("field." + leaf) ? bundle.getString("field." + leaf) : leaf;
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(field);
        if (row.find() && bundle.containsKey("field.row")) {
            return new MessageFormat(bundle.getString("field.row"), locale)
                    .format(new Object[] {Integer.parseInt(row.group(1)) + 1, words});
        }
        return words;
    }

    static String leaf(String field) {
        String f = field == null ? "" : field;
        int dot = f.lastIndexOf('.');
        String leaf = dot >= 0 ? f.substring(dot + 1) : f;
        int bracket = leaf.indexOf('[');
        return bracket >= 0 ? leaf.substring(0, bracket) : leaf;
    }

    private String separator() {
        return "en".equals(locale.getLanguage()) ? ": " : "：";
    }
}
