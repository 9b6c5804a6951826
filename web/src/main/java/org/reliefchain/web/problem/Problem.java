package org.reliefchain.web.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.reliefchain.platform.InvalidInputException.FieldError;

/**
 * An RFC 9457 problem: {@code type}, {@code title}, {@code status}, {@code detail}, and for invalid
 * input an {@code errors} list of {@code {field, reason}}, with the rule's {@code code} and its {@code args} where the
 * rule has one (a client may word the error itself). Type URIs are relative to the API and
 * documented in docs/api-errors.md.
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://reliefchain.org/problems/";

    private Problem() {
    }

    public static Map<String, Object> body(String type, String title, int status, String detail,
                                           List<FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors.stream().map(Problem::error).toList());
        }
        return body;
    }

    public static Response response(String type, String title, int status, String detail, List<FieldError> errors) {
        return Response.status(status).type(MEDIA_TYPE).entity(body(type, title, status, detail, errors)).build();
    }

    /** The same body as JSON text, for places outside JAX-RS (servlet errors, the security mechanism). */
    public static String json(String type, String title, int status, String detail) {
        return "{\"type\":\"" + TYPE_BASE + type + "\",\"title\":" + quote(title) + ",\"status\":" + status
                + ",\"detail\":" + quote(detail) + "}";
    }

    private static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static Map<String, Object> error(FieldError e) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("field", e.field());
        m.put("reason", e.reason());
        if (e.code() != null) {
            m.put("code", e.code());
            if (!e.args().isEmpty()) {
                m.put("args", e.args());
            }
        }
        return m;
    }
}
