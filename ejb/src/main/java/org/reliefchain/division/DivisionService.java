package org.reliefchain.division;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.reliefchain.platform.NotFoundException;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.platform.PagedQuery;

/**
 * Reads the division tree. The tree is public reference data inside the province: every signed-in
 * user may browse all of it (a county manager needs the neighbouring counties to ask them for help);
 * what they may act on is decided by {@link org.reliefchain.security.JurisdictionGuard}.
 */
@Stateless
@PermitAll
public class DivisionService {

    @jakarta.inject.Inject
    private org.reliefchain.security.JurisdictionGuard guard;

    @PersistenceContext
    private EntityManager em;

    public DivisionView get(DivisionCode code) {
        Division d = find(code);
        return DivisionView.of(d, childCounts(List.of(d.codeValue())).getOrDefault(d.codeValue(), 0L));
    }

    public Page<DivisionView> list(DivisionQuery query, PageRequest pageRequest) {
        PagedQuery<Division> q = PagedQuery.of(Division.class, "d")
                .andIf(query.level(), "d.level = :level", "level")
                .andIf(query.parent() == null ? null : query.parent().value(), "d.parentCode = :parent", "parent");
        if (query.text() != null && !query.text().isBlank()) {
            String text = PagedQuery.escapeLike(query.text().trim());
            q.and("d.nameZh like :contains escape '\\' or lower(d.nameEn) like :lowerContains escape '\\'"
                            + " or d.code like :prefix escape '\\' or d.nameInitials like :lowerContains escape '\\'",
                    "contains", "%" + text + "%", "lowerContains", "%" + text.toLowerCase() + "%", "prefix", text + "%");
        }
        Page<Division> page = q.fetch(em, "d.code", pageRequest);
        return new Page<>(withChildCounts(page.items()), page.total(), page.page(), page.size());
    }

    /**
     * Divisions inside the caller's jurisdiction whose name or pinyin initials contain {@code text} or whose code
     * starts with it, for pickers: higher levels first (a county before its townships), then by code.
     */
    public java.util.List<DivisionView> pick(String text, int limit) {
        String t = PagedQuery.escapeLike(text == null ? "" : text.trim());
        return em.createQuery("select d from Division d where d.code like :scope and (d.nameZh like :contains escape '\\'"
                        + " or lower(d.nameEn) like :lowerContains escape '\\' or d.code like :prefix escape '\\'"
                        + " or d.nameInitials like :lowerContains escape '\\')"
                        + " order by length(d.code), d.code", Division.class)
                .setParameter("scope", guard.caller().jurisdiction().likePattern())
                .setParameter("contains", "%" + t + "%").setParameter("lowerContains", "%" + t.toLowerCase() + "%")
                .setParameter("prefix", t + "%").setMaxResults(Math.min(Math.max(limit, 1), 50))
                .getResultStream().map(d -> DivisionView.of(d, 0L)).toList();
    }

    public Page<DivisionView> children(DivisionCode code, PageRequest pageRequest) {
        find(code);
        return list(new DivisionQuery(null, code, null), pageRequest);
    }

    /** The division and its ancestors, province first: the breadcrumb of a division. */
    public List<DivisionView> path(DivisionCode code) {
        find(code);
        List<String> codes = new ArrayList<>();
        for (DivisionLevel level : DivisionLevel.values()) {
            if (level.codeLength() <= code.value().length()) {
                codes.add(code.value().substring(0, level.codeLength()));
            }
        }
        List<Division> path = em.createQuery("select d from Division d where d.code in :codes order by d.code",
                Division.class).setParameter("codes", codes).getResultList();
        return withChildCounts(path);
    }

    /** The whole subtree under {@code root} down to {@code deepest}, in code order (a report's rows). */
    public List<DivisionView> subtree(DivisionCode root, DivisionLevel deepest) {
        find(root);
        List<DivisionLevel> levels = new ArrayList<>();
        for (DivisionLevel level : DivisionLevel.values()) {
            if (level.ordinal() <= deepest.ordinal()) {
                levels.add(level);
            }
        }
        List<Division> rows = em.createQuery(
                        "select d from Division d where d.code like :prefix and d.level in :levels order by d.code",
                        Division.class)
                .setParameter("prefix", root.value() + "%").setParameter("levels", levels).getResultList();
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : em.createQuery("select d.parentCode, count(d) from Division d where d.code like :prefix"
                + " group by d.parentCode", Object[].class).setParameter("prefix", root.value() + "%").getResultList()) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return rows.stream().map(d -> DivisionView.of(d, counts.getOrDefault(d.codeValue(), 0L))).toList();
    }

    private Division find(DivisionCode code) {
        Division d = em.find(Division.class, code.value());
        if (d == null) {
            throw new NotFoundException("division", code);
        }
        return d;
    }

    private List<DivisionView> withChildCounts(List<Division> divisions) {
        Map<String, Long> counts = childCounts(divisions.stream().map(Division::codeValue).toList());
        return divisions.stream().map(d -> DivisionView.of(d, counts.getOrDefault(d.codeValue(), 0L))).toList();
    }

    private Map<String, Long> childCounts(List<String> parents) {
        Map<String, Long> counts = new HashMap<>();
        if (parents.isEmpty()) {
            return counts;
        }
        for (Object[] row : em.createQuery("select d.parentCode, count(d) from Division d"
                        + " where d.parentCode in :parents group by d.parentCode", Object[].class)
                .setParameter("parents", parents).getResultList()) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }
}
