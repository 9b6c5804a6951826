package org.reliefchain.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * What a page keeps in the session (its view-scoped and session-scoped beans) travels to another instance of a
 * cluster with the session (web.xml is distributable): every field of every such bean, and every class it holds,
 * down to the JDK's own types, must be serializable; a field the container fills ({@code @Inject}: its proxies
 * serialize themselves) or a {@code transient} one is left out. A type that is not is named with the path that
 * reaches it, e.g. {@code PlanPage.plan -> PlanView.lines -> PlanLine}.
 */
class SessionStateSerializableTest {

    private static final Path CLASSES = Path.of("target", "classes");

    @Test
    void everything_a_page_keeps_in_the_session_is_serializable() throws Exception {
        List<Class<?>> beans = sessionBeans();
        assertThat(beans).as("view- and session-scoped beans under " + CLASSES.toAbsolutePath()).hasSizeGreaterThan(20);
        Set<String> problems = new TreeSet<>();
        for (Class<?> bean : beans) {
            check(bean, bean.getSimpleName(), new HashSet<>(), problems);
        }
        assertThat(problems).as("session state that does not serialize").isEmpty();
    }

    private static List<Class<?>> sessionBeans() throws Exception {
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, SessionStateSerializableTest.class.getClassLoader());
                if (c.isAnnotationPresent(jakarta.faces.view.ViewScoped.class)
                        || c.isAnnotationPresent(jakarta.enterprise.context.SessionScoped.class)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** {@code c}'s own state: its fields, and those of the classes it extends within the product. */
    private static void check(Class<?> c, String path, Set<Class<?>> seen, Set<String> problems) {
        if (!seen.add(c)) {
            return;
        }
        if (!Serializable.class.isAssignableFrom(c)) {
            problems.add(path + " (" + c.getName() + ")");
            return;
        }
        for (Class<?> k = c; k != null && k.getName().startsWith("org.reliefchain"); k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isAnnotationPresent(jakarta.inject.Inject.class)
                        || f.isAnnotationPresent(jakarta.ejb.EJB.class) || f.isSynthetic()) {
                    continue;
                }
                checkType(f.getGenericType(), path + "." + f.getName(), seen, problems);
            }
        }
    }

    private static void checkType(Type t, String path, Set<Class<?>> seen, Set<String> problems) {
        if (t instanceof ParameterizedType p) {
            checkType(p.getRawType(), path, seen, problems);
            for (Type arg : p.getActualTypeArguments()) {
                checkType(arg, path + "<>", seen, problems);
            }
        } else if (t instanceof GenericArrayType a) {
            checkType(a.getGenericComponentType(), path + "[]", seen, problems);
        } else if (t instanceof WildcardType w) {
            for (Type upper : w.getUpperBounds()) {
                checkType(upper, path, seen, problems);
            }
        } else if (t instanceof TypeVariable<?> || t == Object.class) {
            // not known here: what fills it is checked where it is declared with a type
        } else if (t instanceof Class<?> c) {
            if (c.isPrimitive() || c.isEnum()) {
                return;
            }
            if (c.isArray()) {
                checkType(c.getComponentType(), path + "[]", seen, problems);
            } else if (c.getName().startsWith("org.reliefchain")) {
                check(c, path + " -> " + c.getSimpleName(), seen, problems);
            } else if (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c)) {
                // the JDK's collections serialize; their elements are checked through the type arguments
            } else if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
                // a library's abstraction (PrimeFaces' TreeNode, LazyDataModel): its implementations serialize
            } else if (!Serializable.class.isAssignableFrom(c)) {
                problems.add(path + " (" + c.getName() + ")");
            }
        }
    }
}
