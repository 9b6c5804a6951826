package org.reliefchain.incident;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.InvalidInputException.FieldError;

/**
 * Reads and writes hazards as a GeoJSON FeatureCollection (RFC 7946, longitude first). A bad feature
 * is refused with its index and the reason: not GeoJSON, a geometry its hazard type cannot have, a
 * ring that is not closed or crosses itself, a position outside the province. Every error of every
 * feature is listed at once, so a user fixes a drawing in one go.
 */
public final class HazardGeometry {

    /** Zhejiang's extent with a margin for its sea (lanes run to the outer islands). */
    static final double WEST = 117.9, EAST = 123.6, SOUTH = 26.6, NORTH = 31.5;
    private static final int MAX_FEATURES = 2_000;
    private static final int MAX_POSITIONS = 20_000;

    private HazardGeometry() {
    }

    public static List<HazardFeature> read(String featureCollection) {
        JsonValue parsed;
        try (var reader = Json.createReader(new StringReader(featureCollection == null ? "" : featureCollection))) {
            parsed = reader.readValue();
        } catch (jakarta.json.JsonException e) {
            throw new InvalidInputException("body", "is not JSON");
        }
        if (!(parsed instanceof JsonObject root) || !"FeatureCollection".equals(text(root.get("type")))
                || !(root.get("features") instanceof JsonArray features)) {
            throw new InvalidInputException("body", "must be a GeoJSON FeatureCollection with a features array");
        }
        if (features.size() > MAX_FEATURES) {
            throw new InvalidInputException("features", "at most " + MAX_FEATURES + " features");
        }
        List<HazardFeature> out = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        int i = 0;
        for (JsonValue f : features) {
            String at = "features[" + i++ + "]";
            int before = errors.size();
            HazardFeature feature = feature(f, at, errors);
            if (errors.size() == before) {
                out.add(feature);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return out;
    }

    private static HazardFeature feature(JsonValue value, String at, List<FieldError> errors) {
        if (!(value instanceof JsonObject f) || !"Feature".equals(text(f.get("type")))) {
            errors.add(new FieldError(at, "is not a GeoJSON Feature"));
            return null;
        }
        JsonObject p = f.get("properties") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        HazardType type = enumValue(HazardType.class, p.get("hazard"), at + ".properties.hazard", errors);
        HazardCause cause = text(p.get("cause")) != null
                ? enumValue(HazardCause.class, p.get("cause"), at + ".properties.cause", errors) : HazardCause.OTHER;
        String name = text(p.get("name")) == null ? "" : text(p.get("name")).trim();
        if (name.isEmpty() || name.length() > 100 || name.chars().anyMatch(c -> c < 0x20)) {
            errors.add(new FieldError(at + ".properties.name", "a name of 1 to 100 characters is required"));
        }
        Instant from = instant(p.get("validFrom"), at + ".properties.validFrom", errors);
        Instant until = instant(p.get("validUntil"), at + ".properties.validUntil", errors);
        if (from != null && until != null && !until.isAfter(from)) {
            errors.add(new FieldError(at + ".properties.validUntil", "must be after validFrom"));
        }
        JsonObject g = f.get("geometry") instanceof JsonObject o ? o : null;
        String gType = g == null || text(g.get("type")) == null ? "" : text(g.get("type"));
        int errorsBefore = errors.size();
        if (g == null) {
            errors.add(new FieldError(at + ".geometry", "is missing"));
        } else if (type != null && !type.accepts(gType)) {
            errors.add(new FieldError(at + ".geometry", "a " + type + " must be one of " + type.geometries()
                    + ", not " + (gType.isEmpty() ? "nothing" : gType)));
        } else {
            checkGeometry(g, gType, at + ".geometry", errors);
        }
        Double radius = null;
        if ("Point".equals(gType)) {
            double r = p.get("radius") instanceof JsonNumber n ? n.doubleValue() : Double.NaN;
            if (!(r > 0 && r <= 100_000)) {
                errors.add(new FieldError(at + ".properties.radius", "a circle needs a radius of more than 0 and at most"
                        + " 100,000 metres"));
            } else {
                radius = r;
            }
        }
        if (errors.size() > errorsBefore || type == null) {
            return null;
        }
        return new HazardFeature(null, type, cause, name, g.toString(), radius, from, until);
    }

    /** Adds the geometry's first error only: one position outside the province says enough about a line. */
    private static void checkGeometry(JsonObject g, String type, String at, List<FieldError> errors) {
        List<FieldError> found = new ArrayList<>();
        checkShape(g, type, at, found);
        if (!found.isEmpty()) {
            errors.add(found.get(0));
        }
    }

    private static void checkShape(JsonObject g, String type, String at, List<FieldError> errors) {
        JsonValue c = g.get("coordinates");
        try {
            switch (type) {
                case "Point" -> position(c, at, errors);
                case "LineString" -> line(c, at, errors);
                case "MultiLineString" -> {
                    for (JsonValue l : array(c, 1)) {
                        line(l, at, errors);
                    }
                }
                case "Polygon" -> polygon(c, at, errors);
                case "MultiPolygon" -> {
                    for (JsonValue poly : array(c, 1)) {
                        polygon(poly, at, errors);
                    }
                }
                default -> errors.add(new FieldError(at, "unknown geometry type " + (type.isEmpty() ? "(none)" : type)));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(at, e.getMessage()));
        }
    }

    private static void line(JsonValue c, String at, List<FieldError> errors) {
        for (JsonValue pos : array(c, 2)) {
            position(pos, at, errors);
        }
    }

    private static void polygon(JsonValue rings, String at, List<FieldError> errors) {
        for (JsonValue r : array(rings, 1)) {
            JsonArray ring = array(r, 4);
            double[][] pts = new double[ring.size()][];
            for (int i = 0; i < ring.size(); i++) {
                pts[i] = position(ring.get(i), at, errors);
                if (pts[i] == null) {
                    return;
                }
            }
            if (pts[0][0] != pts[pts.length - 1][0] || pts[0][1] != pts[pts.length - 1][1]) {
                errors.add(new FieldError(at, "a polygon ring must end where it starts"));
                return;
            }
            int crossing = selfIntersection(pts);
            if (crossing >= 0) {
                errors.add(new FieldError(at, "the polygon crosses itself (edge " + (crossing + 1) + ")"));
                return;
            }
        }
    }

    private static JsonArray array(JsonValue c, int min) {
        if (!(c instanceof JsonArray a) || a.size() < min) {
            throw new IllegalArgumentException("coordinates must be an array of at least " + min + " entries");
        }
        if (a.size() > MAX_POSITIONS) {
            throw new IllegalArgumentException("at most " + MAX_POSITIONS + " positions");
        }
        return a;
    }

    private static double[] position(JsonValue value, String at, List<FieldError> errors) {
        if (!(value instanceof JsonArray pos) || pos.size() < 2 || !(pos.get(0) instanceof JsonNumber x)
                || !(pos.get(1) instanceof JsonNumber y)) {
            throw new IllegalArgumentException("a position is [longitude, latitude]");
        }
        double lon = x.doubleValue();
        double lat = y.doubleValue();
        if (lon < WEST || lon > EAST || lat < SOUTH || lat > NORTH) {
            errors.add(new FieldError(at, "position [" + lon + ", " + lat + "] is outside the province"));
            return null;
        }
        return new double[] {lon, lat};
    }

    /** The index of the first edge that crosses a non-adjacent edge of the closed ring, or -1. */
    static int selfIntersection(double[][] ring) {
        int edges = ring.length - 1;
        for (int i = 0; i < edges; i++) {
            for (int j = i + 1; j < edges; j++) {
                boolean adjacent = j == i + 1 || (i == 0 && j == edges - 1);
                if (!adjacent && crosses(ring[i], ring[i + 1], ring[j], ring[j + 1])) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean crosses(double[] a, double[] b, double[] c, double[] d) {
        double d1 = side(c, d, a);
        double d2 = side(c, d, b);
        double d3 = side(a, b, c);
        double d4 = side(a, b, d);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
            return true;
        }
        return (d1 == 0 && within(c, d, a)) || (d2 == 0 && within(c, d, b))
                || (d3 == 0 && within(a, b, c)) || (d4 == 0 && within(a, b, d));
    }

    private static double side(double[] p, double[] q, double[] r) {
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
    }

    private static boolean within(double[] p, double[] q, double[] r) {
        return Math.min(p[0], q[0]) <= r[0] && r[0] <= Math.max(p[0], q[0])
                && Math.min(p[1], q[1]) <= r[1] && r[1] <= Math.max(p[1], q[1]);
    }

    private static String text(JsonValue v) {
        return v instanceof JsonString s ? s.getString() : null;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonValue value, String field, List<FieldError> errors) {
        try {
            return Enum.valueOf(type, text(value) == null ? "" : text(value));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static Instant instant(JsonValue value, String field, List<FieldError> errors) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        try {
            Instant t = Instant.parse(text(value) == null ? "" : text(value));
            if (t.isBefore(Instant.parse("2000-01-01T00:00:00Z")) || t.isAfter(Instant.parse("2100-01-01T00:00:00Z"))) {
                errors.add(new FieldError(field, "must lie between 2000 and 2100"));
                return null;
            }
            return t;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 instant such as 2026-08-10T01:45:00Z"));
            return null;
        }
    }

    /**
     * The {@code revision} member of a collection sent back for saving (a foreign member, as GeoJSON allows):
     * the revision the sender read; null when the collection has none.
     */
    public static Integer revision(String featureCollection) {
        JsonValue parsed;
        try (var reader = Json.createReader(new StringReader(featureCollection == null ? "" : featureCollection))) {
            parsed = reader.readValue();
        } catch (jakarta.json.JsonException e) {
            throw new InvalidInputException("body", "is not JSON");
        }
        if (!(parsed instanceof JsonObject root) || !root.containsKey("revision")
                || root.get("revision").getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (root.get("revision") instanceof jakarta.json.JsonNumber n && n.isIntegral() && n.longValue() >= 0
                && n.longValue() <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw new InvalidInputException("revision", "must be the whole number the hazards were read with", "integer");
    }

    /** The hazards as a FeatureCollection of one revision, with their ids. */
    public static String write(List<HazardFeature> hazards, int revision) {
        return Json.createObjectBuilder(Json.createReader(new StringReader(write(hazards))).readObject())
                .add("revision", revision).build().toString();
    }

    /** The hazards as a FeatureCollection, with their ids. */
    public static String write(List<HazardFeature> hazards) {
        JsonArrayBuilder features = Json.createArrayBuilder();
        for (HazardFeature h : hazards) {
            JsonObjectBuilder p = Json.createObjectBuilder().add("hazard", h.type().name())
                    .add("cause", h.cause().name()).add("name", h.name());
            if (h.radiusMetres() != null) {
                p.add("radius", h.radiusMetres());
            }
            if (h.validFrom() != null) {
                p.add("validFrom", h.validFrom().toString());
            }
            if (h.validUntil() != null) {
                p.add("validUntil", h.validUntil().toString());
            }
            JsonObjectBuilder f = Json.createObjectBuilder().add("type", "Feature");
            if (h.id() != null) {
                f.add("id", h.id());
            }
            try (var reader = Json.createReader(new StringReader(h.geometry()))) {
                f.add("geometry", reader.readObject());
            }
            features.add(f.add("properties", p));
        }
        return Json.createObjectBuilder().add("type", "FeatureCollection").add("features", features).build().toString();
    }
}
