package org.reliefchain.network;

import java.math.BigDecimal;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.reliefchain.audit.AuditTrail;
import org.reliefchain.division.Division;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.platform.Clock;
import org.reliefchain.platform.ConflictException;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.NotFoundException;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.platform.PagedQuery;
import org.reliefchain.security.JurisdictionGuard;

/**
 * The reserve network. Every signed-in user may see where warehouses are (a county asks its city for
 * help); creating, changing and deactivating one is for managers and administrators whose
 * jurisdiction contains it. What a warehouse holds is the stock ledger's business, with its own rule.
 */
@Stateless
@PermitAll
public class WarehouseService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private JurisdictionGuard guard;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    public Page<WarehouseView> list(WarehouseQuery query, PageRequest page) {
        String pattern = query.text() == null || query.text().isBlank() ? null
                : "%" + PagedQuery.escapeLike(query.text().trim()) + "%";
        return PagedQuery.of(Warehouse.class, "w")
                .andIf(query.level(), "w.level = :level", "level")
                .andIf(query.division() == null ? null : query.division().value() + "%",
                        "w.divisionCode like :division", "division")
                .andIf(query.kind(), "w.kind = :kind", "kind")
                .andIf(pattern, "w.nameZh like :text escape '\\' or lower(w.nameEn) like lower(:text) escape '\\'"
                        + " or w.code like upper(:text) escape '\\' or w.nameInitials like lower(:text) escape '\\'", "text")
                .fetch(em, "w.code", page)
                .map(Warehouse::view);
    }

    /**
     * Active warehouses whose name, code or pinyin initials (永嘉 as "yj") contain {@code text}, for pickers: all
     * of them (a county asks any warehouse for help) or only those the caller may act on. A code typed in full
     * comes first, then higher levels before lower ones, so that typing "永嘉" or "ZJ-3303" offers the county's
     * or the city's reserve before the townships' and villages'.
     */
    public java.util.List<WarehouseView> pick(String text, boolean mine, int limit) {
        String pattern = "%" + PagedQuery.escapeLike(text == null ? "" : text.trim()) + "%";
        String scope = mine ? guard.caller().jurisdiction().likePattern() : "%";
        return em.createQuery("select w from Warehouse w where w.status = :active and w.divisionCode like :scope"
                        + " and (w.nameZh like :text escape '\\' or lower(w.nameEn) like lower(:text) escape '\\'"
                        + " or w.code like upper(:text) escape '\\' or w.nameInitials like lower(:text) escape '\\')"
                        + " order by case when w.code = upper(:exact) then 0 else 1 end,"
                        + " length(w.divisionCode), length(w.nameZh), w.code", Warehouse.class)
                .setParameter("active", WarehouseStatus.ACTIVE).setParameter("scope", scope)
                .setParameter("text", pattern).setParameter("exact", text == null ? "" : text.trim())
                .setMaxResults(Math.min(Math.max(limit, 1), 50))
                .getResultStream().map(Warehouse::view).toList();
    }

    public WarehouseView get(String code) {
        return find(code).view();
    }

    @RolesAllowed({"ADMIN", "WAREHOUSE_MANAGER"})
    public WarehouseView create(@NotNull @Valid WarehouseForm form) {
        if (form.getCode() == null) {
            throw new InvalidInputException("code", "is required");
        }
        WarehouseDetails details = details(form);
        guard.require(details.division(), "a warehouse");
        if (findOrNull(form.getCode()) != null) {
            throw new ConflictException("duplicate-warehouse", "warehouse code " + form.getCode() + " is taken");
        }
        Warehouse w = new Warehouse(form.getCode(), details, clock.now());
        em.persist(w);
        em.flush();
        audit.record("WAREHOUSE_CREATED", "warehouse", w.code(), "created " + w.code() + " in " + details.division()
                + " (" + details.kind() + ")");
        return w.view();
    }

    @RolesAllowed({"ADMIN", "WAREHOUSE_MANAGER"})
    public WarehouseView update(String code, @NotNull @Valid WarehouseForm form) {
        Warehouse w = findInJurisdiction(code);
        if (form.getVersion() == null || form.getVersion() != w.version()) {
            throw new ConflictException("stale-version", "warehouse " + code + " was changed by someone else"
                    + " (version " + w.version() + "); reload and try again");
        }
        WarehouseDetails details = details(form);
        guard.require(details.division(), "a warehouse");
        w.describe(details, clock.now());
        em.flush();
        audit.record("WAREHOUSE_CHANGED", "warehouse", code, "details of " + code + " changed");
        return w.view();
    }

    /** Refused while the warehouse still holds stock: move or write it off first. */
    @RolesAllowed({"ADMIN", "WAREHOUSE_MANAGER"})
    public WarehouseView deactivate(String code) {
        Warehouse w = findInJurisdiction(code);
        BigDecimal onHand = em.createQuery("select coalesce(sum(b.quantity), 0) from StockBalance b"
                + " where b.warehouseId = :id", BigDecimal.class).setParameter("id", w.id()).getSingleResult();
        if (onHand.signum() > 0) {
            throw new ConflictException("warehouse-has-stock", "warehouse " + code + " still holds stock; transfer or"
                    + " write it off before deactivating");
        }
        if (w.active()) {
            w.deactivate(clock.now());
            em.flush();
            audit.record("WAREHOUSE_DEACTIVATED", "warehouse", code, "deactivated " + code);
        }
        return w.view();
    }

    /** For other features: the warehouse, after checking that the caller's jurisdiction contains it. */
    public Warehouse findInJurisdiction(String code) {
        Warehouse w = find(code);
        guard.require(w.division(), "warehouse " + code);
        return w;
    }

    public Warehouse find(String code) {
        Warehouse w = findOrNull(code);
        if (w == null) {
            throw new NotFoundException("warehouse", code);
        }
        return w;
    }

    private Warehouse findOrNull(String code) {
        return code == null ? null : em.createQuery("select w from Warehouse w where w.code = :code", Warehouse.class)
                .setParameter("code", code).getResultStream().findFirst().orElse(null);
    }

    private WarehouseDetails details(WarehouseForm f) {
        DivisionCode division = DivisionCode.parse("division", f.getDivision());
        Division d = em.find(Division.class, division.value());
        if (d == null) {
            throw new InvalidInputException("division", "division " + division + " does not exist");
        }
        String nameEn = f.getNameEn() == null || f.getNameEn().isBlank() ? f.getNameZh() : f.getNameEn().trim();
        return new WarehouseDetails(f.getNameZh().trim(), nameEn, division, f.getKind(), f.getAddress().trim(),
                f.getLon(), f.getLat(), false, f.getFloorAreaM2(), f.getVolumeM3(), f.isRoadAccess(),
                f.isPortAccess(), f.isHelipad(), f.getContactName().trim(), f.getContactPhone().trim());
    }
}
