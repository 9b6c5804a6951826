package org.reliefchain.catalog;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.reliefchain.platform.NotFoundException;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.platform.PagedQuery;

/** Reads the catalogue; every signed-in user may. */
@Stateless
@PermitAll
public class CatalogService {

    @PersistenceContext
    private EntityManager em;

    public Page<MaterialView> list(MaterialClass materialClass, String text, PageRequest page) {
        String pattern = text == null || text.isBlank() ? null : "%" + PagedQuery.escapeLike(text.trim()) + "%";
        return PagedQuery.of(Material.class, "m")
                .andIf(materialClass, "m.materialClass = :materialClass", "materialClass")
                .andIf(pattern, "m.nameZh like :text escape '\\' or lower(m.nameEn) like lower(:text) escape '\\'"
                        + " or m.code like upper(:text) escape '\\'", "text")
                .fetch(em, "m.materialClass, m.code", page)
                .map(Material::view);
    }

    public MaterialView get(String code) {
        return find(code).view();
    }

    /** @throws NotFoundException naming the code */
    public Material find(String code) {
        Material m = code == null ? null : em.find(Material.class, code);
        if (m == null) {
            throw new NotFoundException("material", code);
        }
        return m;
    }
}
