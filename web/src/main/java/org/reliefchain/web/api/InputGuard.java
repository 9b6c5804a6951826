package org.reliefchain.web.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.InvalidInputException.FieldError;
import org.reliefchain.platform.Limits;

/**
 * The limits every request of the API meets before any resource reads it, in one place rather than in
 * each field: no control characters (a NUL above all, which PostgreSQL refuses) in any path segment, query
 * value or JSON string; query values and JSON strings of a bounded length; no {@code null} inside a JSON
 * list ({@code "lines":[null]}); JSON numbers a column could hold (not {@code 1e-400}, which reads as 0,
 * nor {@code 1e15}); dates written in ISO form within the years 1900..9999. Each field's own length
 * (its column's) is a Bean Validation constraint on its form; these are the limits no field may pass.
 */
@Provider
@PreMatching
@Priority(Priorities.ENTITY_CODER)
public class InputGuard implements ContainerRequestFilter, ReaderInterceptor {

    /** The longest query string served; a longer one is 414. */
    static final int MAX_QUERY = 4096;
    /** The longest value of one query parameter or path segment (codes, names, filters). */
    static final int MAX_PARAMETER = 200;
    /** The longest JSON string: the longest text column is 1,000 characters; GeoJSON comes as objects. */
    static final int MAX_JSON_STRING = 2000;
    /** The largest JSON body (hazard areas as GeoJSON are the largest sent). */
    static final int MAX_JSON_BODY = 5 * 1024 * 1024;
    /** Digits a JSON number may have before and after its point: beyond any column here, within what a double prints. */
    static final int MAX_INTEGER_DIGITS = 15;
    static final int MAX_FRACTION_DIGITS = 20;

    /** A string the API reads as a date or an instant: year, month, day (a sign or more digits for far years). */
    private static final Pattern ISO_DATE = Pattern.compile("([+-]?\\d{4,})-\\d{2}-\\d{2}([T ].*)?");

    @Override
    public void filter(ContainerRequestContext request) {
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        if (query != null && query.length() > MAX_QUERY) {
            throw new InvalidInputException(List.of(new FieldError("query", "the query string is longer than "
                    + MAX_QUERY + " characters", "length", List.of(String.valueOf(MAX_QUERY)))));
        }
        List<FieldError> errors = new ArrayList<>();
        for (PathSegment segment : request.getUriInfo().getPathSegments(true)) {
            check("path", segment.getPath(), errors);
        }
        for (Map.Entry<String, List<String>> p : request.getUriInfo().getQueryParameters(true).entrySet()) {
            check(p.getKey(), p.getKey(), errors);
            for (String value : p.getValue()) {
                check(p.getKey(), value, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void check(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        if (Limits.hasControlCharacter(value) || value.indexOf('\t') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0) {
            errors.add(Limits.controlCharacters(field).errors().get(0));
        } else if (value.length() > MAX_PARAMETER) {
            errors.add(tooLong(field, MAX_PARAMETER));
        }
    }

    private static FieldError tooLong(String field, int max) {
        return new FieldError(field, "may have at most " + max + " characters", "length", List.of(String.valueOf(max)));
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            return context.proceed();
        }
        byte[] body = readAtMost(context.getInputStream(), MAX_JSON_BODY);
        if (body.length == 0) {
            // No body at all is what it was before this guard: no entity (a plain "ship it" sends none). Handed on
            // as an empty stream it would reach the JSON reader as malformed input.
            return null;
        }
        List<FieldError> errors = inspect(body);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
            if (out.size() > limit) {
                throw new InvalidInputException(List.of(new FieldError("body", "is larger than " + limit + " bytes",
                        "body-too-large", List.of(String.valueOf(limit)))));
            }
        }
        return out.toByteArray();
    }

    /**
     * Every limit a JSON body breaks, each naming its field as a path ({@code lines[0].quantity}). Text that
     * is not JSON is left to the reader, which answers malformed-json.
     */
    // Json.createParser looks the JSON provider up through the service loader on every call: a quarter of the
    // server's time under the ledger benchmark. The factory is looked up once and is thread-safe.
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    static List<FieldError> inspect(byte[] body) {
        List<FieldError> errors = new ArrayList<>();
        Deque<Object> path = new ArrayDeque<>(); // String keys and int[] list positions
        try (JsonParser parser = PARSERS.createParser(new ByteArrayInputStream(body))) {
            String key = null;
            while (parser.hasNext() && errors.size() < 20) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case KEY_NAME -> {
                        key = parser.getString();
                        if (Limits.hasControlCharacter(key)) {
                            errors.add(Limits.controlCharacters(name(path, "(a key)")).errors().get(0));
                        }
                    }
                    case START_OBJECT, START_ARRAY -> {
                        path.push(enter(path, key));
                        if (event == JsonParser.Event.START_ARRAY) {
                            path.push(new int[] {-1});
                        }
                        key = null;
                    }
                    case END_OBJECT -> path.pop();
                    case END_ARRAY -> {
                        path.pop();
                        path.pop();
                    }
                    case VALUE_NULL -> {
                        if (path.peek() instanceof int[] i) {
                            i[0]++;
                            errors.add(new FieldError(name(path, null), "must not be null: leave the item out",
                                    "null-element", List.of()));
                        }
                    }
                    case VALUE_STRING -> string(name(path, next(path, key)), parser.getString(), errors);
                    case VALUE_NUMBER -> number(name(path, next(path, key)), parser.getBigDecimal(), errors);
                    default -> next(path, key);
                }
            }
        } catch (jakarta.json.stream.JsonParsingException | java.util.NoSuchElementException e) {
            return List.of(); // not JSON: the reader says so
        }
        return errors;
    }

    /** The name of the container just opened, as part of the path. */
    private static Object enter(Deque<Object> path, String key) {
        if (path.peek() instanceof int[] i) {
            i[0]++;
        }
        return key == null ? "" : key;
    }

    /** Moves the list position on for a value in a list; the key otherwise. */
    private static String next(Deque<Object> path, String key) {
        if (path.peek() instanceof int[] i) {
            i[0]++;
        }
        return key;
    }

    private static String name(Deque<Object> path, String key) {
        StringBuilder b = new StringBuilder();
        List<Object> parts = new ArrayList<>(path);
        java.util.Collections.reverse(parts);
        for (Object part : parts) {
            if (part instanceof int[] i) {
                b.append('[').append(Math.max(i[0], 0)).append(']');
            } else if (!((String) part).isEmpty()) {
                b.append(b.length() == 0 ? "" : ".").append(part);
            }
        }
        if (key != null) {
            b.append(b.length() == 0 ? "" : ".").append(key);
        }
        return b.length() == 0 ? "body" : b.toString();
    }

    private static void string(String field, String value, List<FieldError> errors) {
        if (Limits.hasControlCharacter(value)) {
            errors.add(Limits.controlCharacters(field).errors().get(0));
            return;
        }
        if (value.length() > MAX_JSON_STRING) {
            errors.add(tooLong(field, MAX_JSON_STRING));
            return;
        }
        Matcher date = ISO_DATE.matcher(value.trim());
        if (date.matches()) {
            long year;
            try {
                year = Long.parseLong(date.group(1).replace("+", ""));
            } catch (NumberFormatException e) {
                year = Long.MAX_VALUE;
            }
            if (year < Limits.EARLIEST_YEAR || year > Limits.LATEST_YEAR) {
                errors.add(new FieldError(field, "must be a date between the years " + Limits.EARLIEST_YEAR + " and "
                        + Limits.LATEST_YEAR, "date-range", List.of(String.valueOf(Limits.EARLIEST_YEAR),
                        String.valueOf(Limits.LATEST_YEAR))));
            }
        }
    }

    private static void number(String field, BigDecimal value, List<FieldError> errors) {
        if (value.signum() == 0) {
            return;
        }
        BigDecimal plain = value.stripTrailingZeros();
        int integerDigits = plain.precision() - plain.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            errors.add(new FieldError(field, "is too large", "too-large", List.of()));
        } else if (plain.scale() > MAX_FRACTION_DIGITS) {
            errors.add(new FieldError(field, "must have at most " + MAX_FRACTION_DIGITS + " decimals", "decimals",
                    List.of(String.valueOf(MAX_FRACTION_DIGITS))));
        }
    }
}
