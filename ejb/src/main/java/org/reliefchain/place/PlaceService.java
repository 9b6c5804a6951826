package org.reliefchain.place;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;

import org.reliefchain.audit.AuditTrail;
import org.reliefchain.division.Division;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.division.GeoPoint;
import org.reliefchain.platform.BusinessException;
import org.reliefchain.platform.Clock;
import org.reliefchain.platform.ConflictException;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.InvalidInputException.FieldError;
import org.reliefchain.platform.NotFoundException;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.platform.PagedQuery;
import org.reliefchain.security.Caller;
import org.reliefchain.security.JurisdictionGuard;

/**
 * Ports, air bases, landing points and shelters. Everyone signed in sees all of them (a county
 * dispatcher plans helicopters into the next county too); who changes one is {@link PlaceKind}'s rule:
 * the province for the provincial network, the division's own users for shelters.
 */
@Stateless
@PermitAll
public class PlaceService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private JurisdictionGuard guard;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @Inject
    private Validator validator;

    public Page<PlaceView> list(PlaceQuery query, PageRequest page) {
        Caller caller = guard.caller();
        String pattern = query.text() == null || query.text().isBlank() ? null
                : "%" + PagedQuery.escapeLike(query.text().trim()) + "%";
        return PagedQuery.of(Place.class, "p")
                .and("p.kind = :kind", "kind", query.kind())
                .andIf(query.division() == null ? null : query.division().value() + "%",
                        "p.divisionCode like :division", "division")
                .andIf(pattern, "p.nameZh like :text escape '\\' or lower(p.nameEn) like lower(:text) escape '\\'"
                        + " or p.code like upper(:text) escape '\\'", "text")
                .fetch(em, "p.code", page)
                .map(p -> p.view(query.kind().editableBy(caller.jurisdiction(), p.division())));
    }

    public PlaceView get(PlaceKind kind, String code) {
        Caller caller = guard.caller();
        Place p = find(kind, code);
        return p.view(kind.editableBy(caller.jurisdiction(), p.division()));
    }

    @RolesAllowed({"ADMIN", "DISPATCHER", "WAREHOUSE_MANAGER"})
    public PlaceView create(@NotNull PlaceKind kind, @NotNull @Valid PlaceForm form) {
        if (form.getCode() == null) {
            throw new InvalidInputException("code", "is required");
        }
        PlaceDetails details = details(kind, form, PositionOrigin.ENTERED);
        Caller caller = guard.caller();
        kind.requireEditableBy(caller.jurisdiction(), details.division());
        if (findByCode(form.getCode()).isPresent()) {
            throw new ConflictException("duplicate-place", "place code " + form.getCode() + " is taken");
        }
        Place p = new Place(form.getCode(), kind, details, clock.now());
        em.persist(p);
        em.flush();
        audit.record("PLACE_CREATED", "place", p.code(), "created " + kind + " " + p.code() + " (" + p.nameZh()
                + ") in " + details.division());
        return p.view(true);
    }

    @RolesAllowed({"ADMIN", "DISPATCHER", "WAREHOUSE_MANAGER"})
    public PlaceView update(@NotNull PlaceKind kind, String code, @NotNull @Valid PlaceForm form) {
        Place p = find(kind, code);
        Caller caller = guard.caller();
        kind.requireEditableBy(caller.jurisdiction(), p.division());
        if (form.getVersion() == null || form.getVersion() != p.version()) {
            throw new ConflictException("stale-version", kind + " " + code + " was changed by someone else"
                    + " (version " + p.version() + "); reload and try again");
        }
        // a position typed over a published one is the user's; an unchanged one keeps its origin and flags
        GeoPoint typed = new GeoPoint(form.getLon(), form.getLat());
        boolean moved = !typed.equals(p.position());
        PlaceDetails details = details(kind, form, moved ? PositionOrigin.ENTERED : p.positionOrigin());
        if (!moved) {
            details = new PlaceDetails(details.nameZh(), details.nameEn(), details.division(), details.position(),
                    details.origin(), p.synthetic(), details.airKind(), details.capacityPeople(), details.serves(),
                    details.note(), p.source());
        }
        kind.requireEditableBy(caller.jurisdiction(), details.division());
        p.describe(details, clock.now());
        em.flush();
        audit.record("PLACE_CHANGED", "place", code, "details of " + kind + " " + code + " changed"
                + (moved ? " (moved to " + typed.lon() + "," + typed.lat() + ")" : ""));
        return p.view(true);
    }

    /**
     * Everything {@link #create} would refuse about this place, without writing: Bean Validation,
     * the rules of the kind, the division, the caller's right, a taken code. For bulk imports.
     */
    @RolesAllowed({"ADMIN", "DISPATCHER", "WAREHOUSE_MANAGER"})
    public List<FieldError> checkNew(PlaceKind kind, PlaceForm form, Set<String> codesEarlierInFile) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<PlaceForm> v : validator.validate(form)) {
            errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage()));
        }
        if (form.getCode() == null) {
            errors.add(new FieldError("code", "is required"));
        } else if (findByCode(form.getCode()).isPresent()) {
            errors.add(new FieldError("code", "place code " + form.getCode() + " is taken"));
        } else if (codesEarlierInFile.contains(form.getCode())) {
            errors.add(new FieldError("code", "appears twice in the file"));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        try {
            PlaceDetails details = details(kind, form, PositionOrigin.ENTERED);
            kind.requireEditableBy(guard.caller().jurisdiction(), details.division());
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        } catch (BusinessException e) {
            errors.add(new FieldError("division", e.getMessage()));
        }
        return errors;
    }

    /** A place of the given kind. @throws NotFoundException naming the kind */
    public Place find(PlaceKind kind, String code) {
        return findByCode(code).filter(p -> p.kind() == kind)
                .orElseThrow(() -> new NotFoundException(kind.name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' '), code));
    }

    public Optional<Place> findByCode(String code) {
        return code == null ? Optional.empty() : em.createQuery("select p from Place p where p.code = :code",
                Place.class).setParameter("code", code).getResultStream().findFirst();
    }

    private PlaceDetails details(PlaceKind kind, PlaceForm f, PositionOrigin origin) {
        DivisionCode division = DivisionCode.parse("division", f.getDivision());
        if (em.find(Division.class, division.value()) == null) {
            throw new InvalidInputException("division", "division " + division + " does not exist");
        }
        String nameEn = f.getNameEn() == null || f.getNameEn().isBlank() ? f.getNameZh().trim() : f.getNameEn().trim();
        PlaceDetails details = new PlaceDetails(f.getNameZh().trim(), nameEn, division,
                new GeoPoint(f.getLon(), f.getLat()), origin, false, f.getAirKind(), f.getCapacityPeople(),
                blankToNull(f.getServes()), blankToNull(f.getNote()), null);
        details.check(kind);
        return details;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
