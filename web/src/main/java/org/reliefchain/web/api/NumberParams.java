package org.reliefchain.web.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.regex.Pattern;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.reliefchain.platform.InvalidInputException;

/**
 * Every number and yes/no in a query or a path, read one way: ASCII digits only (Java's own parsing reads
 * Arabic-Indic and full-width digits as numbers), within the type's range, and a refusal that is a 400
 * naming the parameter. Without this, JAX-RS answers a query number it cannot read with 404 (its rule for
 * query and path parameters), which tells a client the resource is missing when its input is wrong, and a
 * yes/no that is neither is silently "no".
 */
@Provider
public class NumberParams implements ParamConverterProvider {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,19}");

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Converter<>(name, rawType == int.class ? 0 : null,
                    text -> (int) whole(name, text, Integer.MIN_VALUE, Integer.MAX_VALUE));
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new Converter<>(name, rawType == long.class ? 0L : null,
                    text -> whole(name, text, Long.MIN_VALUE, Long.MAX_VALUE));
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) new Converter<>(name, rawType == boolean.class ? Boolean.FALSE : null,
                    text -> yesNo(name, text));
        }
        return null;
    }

    /** {@code absent}: what a parameter left out is (a primitive cannot be null). */
    private record Converter<T>(String name, T absent, java.util.function.Function<String, T> parse)
            implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null) {
                return absent;
            }
            return parse.apply(value);
        }

        @Override
        public String toString(T value) {
            return String.valueOf(value);
        }
    }

    static long whole(String name, String text, long min, long max) {
        String t = text.trim();
        if (!INTEGER.matcher(t).matches()) {
            throw new InvalidInputException(name, "must be a whole number written with the digits 0-9", "integer");
        }
        try {
            long v = Long.parseLong(t);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // beyond a long: the same refusal as beyond the type
        }
        throw new InvalidInputException(name, "must be between " + min + " and " + max, "between",
                String.valueOf(min), String.valueOf(max));
    }

    private static Boolean yesNo(String name, String text) {
        String t = text.trim();
        if ("true".equalsIgnoreCase(t)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(t)) {
            return Boolean.FALSE;
        }
        throw new InvalidInputException(name, "must be true or false", "boolean");
    }

    private static String name(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation a : annotations) {
                if (a instanceof QueryParam q) {
                    return q.value();
                }
                if (a instanceof PathParam p) {
                    return p.value();
                }
                if (a instanceof jakarta.ws.rs.HeaderParam h) {
                    return h.value();
                }
            }
        }
        return "parameter";
    }
}
