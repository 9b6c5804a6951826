package org.reliefchain.web.api;

import java.io.File;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.JarURLConnection;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Describes every JSON request body from the Java type the resource reads, field by field with its limits
 * (lengths, patterns, digits, ranges, required fields, enumerations), replacing what the annotation scanner
 * made of it: Payara's scanner leaves out every field without an annotation and gives records no fields
 * at all, so the description lacked the movement form's main fields and a dozen bodies entirely. Built from
 * the same classes the API deserializes, a field can no longer be left out. Registered as
 * {@code mp.openapi.filter} (ejb's microprofile-config.properties).
 */
public class BodySchemas implements OASFilter {

    private static final String PACKAGE = BodySchemas.class.getPackageName();

    private Components components;
    private final java.util.Set<String> described = new java.util.HashSet<>();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        components = openAPI.getComponents();
        Map<String, Method> methods = resourceMethods();
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                Operation operation = op.getValue();
                if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
                    continue;
                }
                Method method = find(methods, op.getKey().name(), path.getKey());
                if (method == null) {
                    continue;
                }
                Type body = bodyType(method);
                if (body == null) {
                    continue;
                }
                for (Map.Entry<String, MediaType> content : operation.getRequestBody().getContent().getMediaTypes()
                        .entrySet()) {
                    if (content.getKey().contains("json")) {
                        content.getValue().setSchema(schema(body, new Annotation[0], 0));
                    }
                }
            }
        }
    }

    /** The Java type of the body: the entity parameter, or the implementation its @RequestBody names. */
    private static Type bodyType(Method method) {
        org.eclipse.microprofile.openapi.annotations.parameters.RequestBody declared =
                method.getAnnotation(org.eclipse.microprofile.openapi.annotations.parameters.RequestBody.class);
        if (declared != null && declared.content().length > 0
                && declared.content()[0].schema().implementation() != Void.class) {
            return declared.content()[0].schema().implementation();
        }
        for (int i = 0; i < method.getParameterCount(); i++) {
            boolean entity = true;
            for (Annotation a : method.getParameterAnnotations()[i]) {
                if (a instanceof PathParam || a instanceof QueryParam || a instanceof HeaderParam
                        || a instanceof Context || a instanceof BeanParam || a instanceof FormParam
                        || a instanceof CookieParam || a instanceof MatrixParam) {
                    entity = false;
                }
            }
            if (entity) {
                Type t = method.getGenericParameterTypes()[i];
                // A raw text body is a document in its own format (GeoJSON, CSV), described by its operation.
                return t == String.class || t == byte[].class || t == java.io.InputStream.class ? null : t;
            }
        }
        return null;
    }

    private Schema schema(Type type, Annotation[] annotations, int depth) {
        Class<?> raw = raw(type);
        Schema s = OASFactory.createSchema();
        if (raw == String.class || raw == Character.class || raw == char.class) {
            s.type(SchemaType.STRING);
        } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class
                || raw == Short.class || raw == short.class) {
            s.type(SchemaType.INTEGER).format(raw == Long.class || raw == long.class ? "int64" : "int32");
        } else if (raw == BigDecimal.class || raw == Double.class || raw == double.class || raw == Float.class
                || raw == float.class) {
            s.type(SchemaType.NUMBER);
        } else if (raw == Boolean.class || raw == boolean.class) {
            s.type(SchemaType.BOOLEAN);
        } else if (raw == Instant.class || raw == OffsetDateTime.class) {
            s.type(SchemaType.STRING).format("date-time")
                    .description("ISO-8601 instant, years 1900 to 9999, e.g. 2026-08-10T01:45:00Z");
        } else if (raw == LocalDate.class) {
            s.type(SchemaType.STRING).format("date").description("ISO-8601 date, years 1900 to 9999, e.g. 2027-06-30");
        } else if (raw.isEnum()) {
            s.type(SchemaType.STRING).enumeration(new ArrayList<>(Arrays.stream(raw.getEnumConstants())
                    .map(e -> (Object) ((Enum<?>) e).name()).toList()));
        } else if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            Type element = raw.isArray() ? raw.getComponentType()
                    : type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            s.type(SchemaType.ARRAY).items(schema(element, new Annotation[0], depth + 1))
                    .description("no null items");
        } else if (Map.class.isAssignableFrom(raw)) {
            s.type(SchemaType.OBJECT);
        } else if (depth > 6 || raw == Object.class) {
            s.type(SchemaType.OBJECT);
        } else {
            return reference(raw, depth);
        }
        constraints(s, annotations);
        return s;
    }

    /** An object type as a component schema of its own (once), referred to by name. */
    private Schema reference(Class<?> raw, int depth) {
        String name = raw.getName().substring(raw.getPackageName().length() + 1).replace('$', '.');
        if (described.add(name)) {
            Schema object = OASFactory.createSchema().type(SchemaType.OBJECT);
            components.addSchema(name, object); // before the fields: a type may refer to itself
            org.eclipse.microprofile.openapi.annotations.media.Schema about =
                    raw.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
            if (about != null && !about.description().isEmpty()) {
                object.description(about.description());
            }
            List<String> required = new ArrayList<>();
            for (Map.Entry<String, Annotation[]> field : fields(raw).entrySet()) {
                Type type = fieldType(raw, field.getKey());
                Schema property = schema(type, field.getValue(), depth + 1);
                object.addProperty(field.getKey(), property);
                for (Annotation a : field.getValue()) {
                    if (a instanceof NotNull || a instanceof NotBlank || a instanceof NotEmpty) {
                        required.add(field.getKey());
                    }
                }
            }
            if (!required.isEmpty()) {
                object.required(required.stream().distinct().toList());
            }
        }
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }

    /** The fields JSON-B reads: record components, or the instance fields of a bean and its superclasses. */
    private static Map<String, Annotation[]> fields(Class<?> raw) {
        Map<String, Annotation[]> out = new LinkedHashMap<>();
        if (raw.isRecord()) {
            for (RecordComponent c : raw.getRecordComponents()) {
                List<Annotation> all = new ArrayList<>(Arrays.asList(c.getAnnotations()));
                try {
                    all.addAll(Arrays.asList(raw.getDeclaredField(c.getName()).getAnnotations()));
                } catch (NoSuchFieldException e) {
                    // a record component always has its field
                }
                out.put(c.getName(), all.toArray(new Annotation[0]));
            }
            return out;
        }
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = raw; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers()) && !f.isSynthetic()
                        && f.getAnnotation(jakarta.json.bind.annotation.JsonbTransient.class) == null) {
                    out.put(f.getName(), f.getAnnotations());
                }
            }
        }
        return out;
    }

    private static Type fieldType(Class<?> raw, String name) {
        for (Class<?> c = raw; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name).getGenericType();
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return Object.class;
    }

    private static void constraints(Schema s, Annotation[] annotations) {
        List<String> notes = new ArrayList<>();
        for (Annotation a : annotations) {
            if (a instanceof Size size) {
                if (s.getType() == SchemaType.ARRAY) {
                    s.minItems(size.min()).maxItems(size.max());
                } else {
                    s.minLength(size.min()).maxLength(size.max());
                }
            } else if (a instanceof Pattern p) {
                s.pattern(p.regexp());
            } else if (a instanceof NotBlank) {
                s.minLength(1);
            } else if (a instanceof NotEmpty && s.getType() == SchemaType.ARRAY) {
                s.minItems(1);
            } else if (a instanceof Min min) {
                s.minimum(BigDecimal.valueOf(min.value()));
            } else if (a instanceof Max max) {
                s.maximum(BigDecimal.valueOf(max.value()));
            } else if (a instanceof DecimalMin min) {
                s.minimum(new BigDecimal(min.value())).exclusiveMinimum(!min.inclusive());
            } else if (a instanceof DecimalMax max) {
                s.maximum(new BigDecimal(max.value())).exclusiveMaximum(!max.inclusive());
            } else if (a instanceof Positive) {
                s.minimum(BigDecimal.ZERO).exclusiveMinimum(true);
            } else if (a instanceof PositiveOrZero) {
                s.minimum(BigDecimal.ZERO);
            } else if (a instanceof Digits d) {
                notes.add("at most " + d.integer() + " digits before the decimal point and " + d.fraction() + " after it");
            } else if (a instanceof org.eclipse.microprofile.openapi.annotations.media.Schema described) {
                if (!described.description().isEmpty()) {
                    notes.add(0, described.description());
                }
                if (!described.example().isEmpty()) {
                    s.example(described.example());
                }
            }
        }
        if (s.getType() == SchemaType.STRING && s.getFormat() == null) {
            notes.add("no control characters");
        }
        if (!notes.isEmpty()) {
            String before = s.getDescription();
            s.description((before == null ? "" : before + "; ") + String.join("; ", notes));
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    /** The resource method of an operation: same HTTP method, and a path that ends the described path. */
    private static Method find(Map<String, Method> methods, String httpMethod, String describedPath) {
        String described = describedPath.replaceAll("/+$", "");
        for (Map.Entry<String, Method> m : methods.entrySet()) {
            String[] key = m.getKey().split(" ", 2);
            if (key[0].equals(httpMethod) && (described.endsWith("/api/" + key[1]) || described.equals("/" + key[1]))) {
                return m.getValue();
            }
        }
        return null;
    }

    /** "POST stock/movements" -> the method, for every resource class of this package. */
    private static Map<String, Method> resourceMethods() {
        Map<String, Method> out = new LinkedHashMap<>();
        for (Class<?> resource : resourceClasses()) {
            Path classPath = resource.getAnnotation(Path.class);
            for (Method m : resource.getMethods()) {
                String http = m.isAnnotationPresent(POST.class) ? "POST" : m.isAnnotationPresent(PUT.class) ? "PUT"
                        : m.isAnnotationPresent(PATCH.class) ? "PATCH" : m.isAnnotationPresent(DELETE.class) ? "DELETE"
                        : m.isAnnotationPresent(GET.class) ? "GET" : null;
                if (http == null) {
                    continue;
                }
                Path methodPath = m.getAnnotation(Path.class);
                String path = (trim(classPath.value()) + (methodPath == null ? "" : "/" + trim(methodPath.value())))
                        .replaceAll("/+$", "").replaceAll("\\{([A-Za-z0-9_]+):[^}]*}", "{$1}");
                out.put(http + " " + path, m);
            }
        }
        return out;
    }

    private static String trim(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    private static List<Class<?>> resourceClasses() {
        List<Class<?>> out = new ArrayList<>();
        ClassLoader loader = BodySchemas.class.getClassLoader();
        String folder = PACKAGE.replace('.', '/');
        try {
            Enumeration<URL> urls = loader.getResources(folder);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                List<String> names = new ArrayList<>();
                if ("file".equals(url.getProtocol())) {
                    String[] files = new File(url.toURI()).list();
                    names.addAll(files == null ? List.of() : Arrays.asList(files));
                } else if (url.openConnection() instanceof JarURLConnection jar) {
                    for (Enumeration<JarEntry> e = jar.getJarFile().entries(); e.hasMoreElements(); ) {
                        String entry = e.nextElement().getName();
                        if (entry.startsWith(folder + "/") && entry.indexOf('/', folder.length() + 1) < 0) {
                            names.add(entry.substring(folder.length() + 1));
                        }
                    }
                }
                for (String name : names) {
                    if (name.endsWith(".class") && !name.contains("$")) {
                        Class<?> c = Class.forName(PACKAGE + "." + name.substring(0, name.length() - 6), false, loader);
                        if (c.isAnnotationPresent(Path.class)) {
                            out.add(c);
                        }
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the API's resource classes", e);
        }
        return out;
    }
}
