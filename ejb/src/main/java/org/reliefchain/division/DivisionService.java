package org.reliefchain.division;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.reliefchain.platform.NotFoundException;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;

/**
 * Reads the division tree. The tree is public reference data inside the province: every signed-in
 * user may browse all of it (a county manager needs the neighbouring counties to ask them for help);
 * what they may act on is decided by {@link org.reliefchain.security.JurisdictionGuard}.
 */
@Stateless
@PermitAll
public class DivisionService {

    @PersistenceContext
    private EntityManager em;

    public DivisionView get(DivisionCode code) {
        Division d = find(code);
        return DivisionView.of(d, childCounts(List.of(d.codeValue())).getOrDefault(d.codeValue(), 0L));
    }

    public boolean exists(DivisionCode code) {
        return em.find(Division.class, code.value()) != null;
    }

    public Page<DivisionView> list(DivisionQuery query, PageRequest pageRequest) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.level() != null) {
            where.append(" and d.level = :level");
            params.put("level", query.level());
        }
        if (query.parent() != null) {
            where.append(" and d.parentCode = :parent");
            params.put("parent", query.parent().value());
        }
        if (query.text() != null && !query.text().isBlank()) {
            String text = escapeLike(query.text().trim());
            where.append(" and (d.nameZh like :contains escape '\\' or lower(d.nameEn) like :lowerContains escape '\\'"
                    + " or d.code like :prefix escape '\\')");
            params.put("contains", "%" + text + "%");
            params.put("lowerContains", "%" + text.toLowerCase() + "%");
            params.put("prefix", text + "%");
        }
        TypedQuery<Division> select = em.createQuery("select d from Division d" + where + " order by d.code",
                Division.class);
        TypedQuery<Long> count = em.createQuery("select count(d) from Division d" + where, Long.class);
        params.forEach((k, v) -> {
            select.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<Division> items = select.setFirstResult(pageRequest.offset()).setMaxResults(pageRequest.size())
                .getResultList();
        return new Page<>(withChildCounts(items), count.getSingleResult(), pageRequest.page(), pageRequest.size());
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

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
