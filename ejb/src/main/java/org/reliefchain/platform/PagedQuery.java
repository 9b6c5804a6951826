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
    private final String select;
    private final String from;
    private final String counted;
    private final StringBuilder where = new StringBuilder(" where 1 = 1");
    private String selectOnlyFrom = "";
    private String selectOnlyJoin = "";
    private final Map<String, Object> params = new LinkedHashMap<>();

    private PagedQuery(Class<T> type, String select, String from, String counted) {
        this.type = type;
        this.select = select;
        this.from = from;
        this.counted = counted;
    }

    /** Entities of {@code type}, named {@code alias} in the conditions. */
    public static <T> PagedQuery<T> of(Class<T> type, String alias) {
        return new PagedQuery<>(type, alias, type.getSimpleName() + " " + alias, alias);
    }

    /** Entities of {@code type} filtered through other entities ({@code "Warehouse f, Warehouse t"}). */
    public static <T> PagedQuery<T> of(Class<T> type, String alias, String otherEntities) {
        return new PagedQuery<>(type, alias, type.getSimpleName() + " " + alias + ", " + otherEntities, alias);
    }

    /**
     * Rows of several entities: {@code select} lists what each row holds (read as {@code Object[]}),
     * {@code from} names the entities; join them with {@link #and}. The count counts {@code counted}.
     */
    public static PagedQuery<Object[]> rows(String select, String from, String counted) {
        return new PagedQuery<>(Object[].class, select, from, counted);
    }

    /** Adds {@code and (condition)}; named parameters come in pairs: name, value. */
    public PagedQuery<T> and(String condition, Object... nameValuePairs) {
        where.append(" and (").append(condition).append(')');
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            params.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return this;
    }

    /**
     * Entities the rows show but no condition filters on: joined for the page, left out of the count.
     * The count is the expensive half on a large table (it visits every match); an inner join along a
     * foreign key that always matches changes nothing but its cost.
     */
    public PagedQuery<T> showing(String entities, String joinCondition) {
        selectOnlyFrom = ", " + entities;
        selectOnlyJoin = " and (" + joinCondition + ")";
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
        TypedQuery<T> select = em.createQuery("select " + this.select + " from " + from + selectOnlyFrom + where
                + selectOnlyJoin + " order by " + orderBy, type);
        TypedQuery<Long> count = em.createQuery("select count(" + counted + ") from " + from + where, Long.class);
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
