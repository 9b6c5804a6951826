package org.reliefchain.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * A filtered, ordered JPQL list read one page at a time, with the count of all matches: the select
 * and the count share one {@code where} clause and its parameters so that they never disagree.
 */
public final class PagedQuery<T> {

    private final Class<T> type;
    private final String alias;
    private final StringBuilder where = new StringBuilder(" where 1 = 1");
    private final Map<String, Object> params = new LinkedHashMap<>();

    private PagedQuery(Class<T> type, String alias) {
        this.type = type;
        this.alias = alias;
    }

    /** Entities of {@code type}, named {@code alias} in the conditions. */
    public static <T> PagedQuery<T> of(Class<T> type, String alias) {
        return new PagedQuery<>(type, alias);
    }

    /** Adds {@code and (condition)}; named parameters come in pairs: name, value. */
    public PagedQuery<T> and(String condition, Object... nameValuePairs) {
        where.append(" and (").append(condition).append(')');
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            params.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return this;
    }

    /** Adds the condition only when {@code value} is given (not null, not blank text). */
    public PagedQuery<T> andIf(Object value, String condition, String name) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return this;
        }
        return and(condition, name, value);
    }

    public Page<T> fetch(EntityManager em, String orderBy, PageRequest page) {
        String from = " from " + type.getSimpleName() + " " + alias;
        TypedQuery<T> select = em.createQuery("select " + alias + from + where + " order by " + orderBy, type);
        TypedQuery<Long> count = em.createQuery("select count(" + alias + ")" + from + where, Long.class);
        params.forEach((k, v) -> {
            select.setParameter(k, v);
            count.setParameter(k, v);
        });
        return new Page<>(select.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(),
                count.getSingleResult(), page.page(), page.size());
    }

    /** Escapes {@code %}, {@code _} and the escape character for a {@code like ... escape '\'} pattern. */
    public static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
