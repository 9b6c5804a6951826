package org.reliefchain.fleet;

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
import org.reliefchain.network.Warehouse;
import org.reliefchain.place.Place;
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
import org.reliefchain.security.Jurisdiction;
import org.reliefchain.security.JurisdictionGuard;
import org.reliefchain.security.Role;

/**
 * The relief fleet. Every signed-in user sees every vehicle (a county asks its city for boats);
 * dispatchers, warehouse managers and administrators register, change and move the status of the
 * vehicles of divisions inside their jurisdiction, as with warehouses. The home base must suit the
 * kind: a warehouse for trucks and vans, a port for boats, an air base for helicopters.
 */
@Stateless
@PermitAll
public class FleetService {

    /** Who keeps the fleet. */
    private static final Set<Role> KEEPERS = Set.of(Role.ADMIN, Role.DISPATCHER, Role.WAREHOUSE_MANAGER);

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

    public Page<VehicleView> list(VehicleQuery query, PageRequest page) {
        Caller caller = guard.caller();
        String pattern = query.text() == null || query.text().isBlank() ? null
                : "%" + PagedQuery.escapeLike(query.text().trim()) + "%";
        return PagedQuery.of(Vehicle.class, "v")
                .andIf(query.kind(), "v.kind = :kind", "kind")
                .andIf(query.status(), "v.status = :status", "status")
                .andIf(query.division() == null ? null : query.division().value() + "%",
                        "v.divisionCode like :division", "division")
                .andIf(pattern, "v.registration like upper(:text) escape '\\' or v.crewName like :text escape '\\'",
                        "text")
                .fetch(em, "v.registration", page)
                .map(v -> v.view(mayKeep(caller, v.division())));
    }

    public VehicleView get(String registration) {
        Vehicle v = find(registration);
        return v.view(mayKeep(guard.caller(), v.division()));
    }

    /**
     * The vehicles the planner may use for a plan run by {@code jurisdiction}: AVAILABLE, of divisions
     * inside it, whose window has not closed. Plain values, ordered by registration.
     */
    public List<AvailableVehicle> available(@NotNull DivisionCode jurisdiction) {
        guard.require(jurisdiction, "the fleet");
        return em.createQuery("select v from Vehicle v where v.status = :status and v.divisionCode like :division"
                        + " and (v.availableUntil is null or v.availableUntil > :now) order by v.registration",
                        Vehicle.class)
                .setParameter("status", VehicleStatus.AVAILABLE)
                .setParameter("division", jurisdiction.value() + "%")
                .setParameter("now", clock.now())
                .getResultStream().map(Vehicle::forPlanning).toList();
    }

    /**
     * Vehicles of the jurisdiction busy with the relief orders a revision replans (ASSIGNED), as the
     * planner builds them: the revision decides what they do next.
     */
    public List<AvailableVehicle> assigned(@NotNull DivisionCode jurisdiction, java.util.Collection<Long> ids) {
        guard.require(jurisdiction, "the fleet");
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select v from Vehicle v where v.status = :status and v.divisionCode like :division"
                        + " and v.id in :ids and (v.availableUntil is null or v.availableUntil > :now) order by v.registration",
                        Vehicle.class)
                .setParameter("status", VehicleStatus.ASSIGNED)
                .setParameter("division", jurisdiction.value() + "%")
                .setParameter("ids", ids)
                .setParameter("now", clock.now())
                .getResultStream().map(Vehicle::forPlanning).toList();
    }

    /** Bases a vehicle of {@code kind} may have whose name or code contains {@code text}: for pickers. */
    public List<HomeBase> bases(@NotNull VehicleKind kind, String text, int max) {
        String pattern = "%" + PagedQuery.escapeLike(text == null ? "" : text.trim()) + "%";
        if (kind.road()) {
            return em.createQuery("select w from Warehouse w where w.status = org.reliefchain.network.WarehouseStatus.ACTIVE"
                            + " and (w.nameZh like :text escape '\\' or lower(w.nameEn) like lower(:text) escape '\\'"
                            + " or w.code like upper(:text) escape '\\') order by w.level, w.code", Warehouse.class)
                    .setParameter("text", pattern).setMaxResults(max).getResultStream()
                    .map(w -> new HomeBase(BaseKind.WAREHOUSE, w.code(), w.view().nameZh(), w.view().lon(),
                            w.view().lat()))
                    .toList();
        }
        return em.createQuery("select p from Place p where p.kind = :kind and (p.nameZh like :text escape '\\'"
                        + " or lower(p.nameEn) like lower(:text) escape '\\' or p.code like upper(:text) escape '\\')"
                        + " order by p.code", Place.class)
                .setParameter("kind", kind.baseKind().placeKind()).setParameter("text", pattern)
                .setMaxResults(max).getResultStream()
                .map(p -> new HomeBase(kind.baseKind(), p.code(), p.nameZh(), p.position().lon(), p.position().lat()))
                .toList();
    }

    @RolesAllowed({"ADMIN", "DISPATCHER", "WAREHOUSE_MANAGER"})
    public VehicleView create(@NotNull @Valid VehicleForm form) {
        Registration registration = Registration.parse("registration", form.getRegistration());
        VehicleSpec spec = spec(form);
        guard.require(spec.division(), "a vehicle");
        ResolvedBase base = resolveBase(spec.kind(), form.getBase());
        if (findOrEmpty(registration).isPresent()) {
            throw new ConflictException("duplicate-vehicle", "vehicle " + registration + " is already registered");
        }
        Vehicle v = new Vehicle(registration, spec, base, clock.now());
        em.persist(v);
        em.flush();
        audit.record("VEHICLE_CREATED", "vehicle", v.registration(), "registered " + spec.kind() + " " + registration
                + " of " + spec.division() + " at " + v.base().code() + " (" + spec.owner() + ")");
        return v.view(true);
    }

    @RolesAllowed({"ADMIN", "DISPATCHER", "WAREHOUSE_MANAGER"})
    public VehicleView update(String registration, @NotNull @Valid VehicleForm form) {
        Vehicle v = findInJurisdiction(registration);
        requireVersion(v, form.getVersion());
        if (form.getKind() != v.kind()) {
            throw new InvalidInputException("kind", "a vehicle's kind never changes (it is a " + v.kind() + ")");
        }
        VehicleSpec spec = spec(form);
        guard.require(spec.division(), "a vehicle");
        v.describe(spec, resolveBase(spec.kind(), form.getBase()), clock.now());
        em.flush();
        audit.record("VEHICLE_CHANGED", "vehicle", v.registration(), "details of " + v.registration() + " changed"
                + " (base " + v.base().code() + ", division " + spec.division() + ")");
        return v.view(true);
    }

    @RolesAllowed({"ADMIN", "DISPATCHER", "WAREHOUSE_MANAGER"})
    public VehicleView changeStatus(String registration, @NotNull @Valid StatusForm form) {
        Vehicle v = findInJurisdiction(registration);
        if (form.getVersion() != null) {
            requireVersion(v, form.getVersion());
        }
        Availability window = null;
        if (form.getAvailableFrom() != null || form.getAvailableUntil() != null) {
            if (form.getAvailableFrom() != null && form.getAvailableUntil() != null
                    && !form.getAvailableUntil().isAfter(form.getAvailableFrom())) {
                throw new InvalidInputException("availableUntil", "must be after availableFrom");
            }
            window = new Availability(form.getAvailableFrom(), form.getAvailableUntil(), v.dutyHoursPerDay());
        }
        VehicleStatus before = v.status();
        v.changeStatus(form.getStatus(), window, clock.now());
        em.flush();
        audit.record("VEHICLE_STATUS_CHANGED", "vehicle", v.registration(), v.registration() + " " + before + " -> "
                + v.status() + ": " + form.getReason().trim());
        return v.view(true);
    }

    /**
     * Everything {@link #create} would refuse about this vehicle, without writing: Bean Validation,
     * the rules of the kind, the base, the caller's jurisdiction, a taken registration. For imports.
     */
    @RolesAllowed({"ADMIN", "DISPATCHER", "WAREHOUSE_MANAGER"})
    public List<FieldError> checkNew(VehicleForm form, Set<String> registrationsEarlierInFile) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<VehicleForm> c : validator.validate(form)) {
            errors.add(new FieldError(c.getPropertyPath().toString(), c.getMessage()));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        try {
            Registration registration = Registration.parse("registration", form.getRegistration());
            if (findOrEmpty(registration).isPresent()) {
                errors.add(new FieldError("registration", "vehicle " + registration + " is already registered"));
            } else if (registrationsEarlierInFile.contains(registration.value())) {
                errors.add(new FieldError("registration", "appears twice in the file"));
            }
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        try {
            VehicleSpec spec = spec(form);
            resolveBase(spec.kind(), form.getBase());
            // asked, not required: a refusal thrown across the guard's EJB boundary marks the transaction for
            // rollback, and the next row's check would then fail with "transaction aborted"
            Jurisdiction mine = guard.caller().jurisdiction();
            if (!mine.covers(spec.division())) {
                errors.add(new FieldError("division", "a vehicle in division " + spec.division()
                        + " is outside your jurisdiction " + mine.root()));
            }
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        } catch (BusinessException e) {
            errors.add(new FieldError("division", e.getMessage()));
        }
        return errors;
    }

    /** For other features: the vehicle, after checking that the caller's jurisdiction contains it. */
    public Vehicle findInJurisdiction(String registration) {
        Vehicle v = find(registration);
        guard.require(v.division(), "vehicle " + v.registration());
        return v;
    }

    public Vehicle find(String registration) {
        Registration r;
        try {
            r = Registration.parse("registration", registration);
        } catch (InvalidInputException e) {
            throw new NotFoundException("vehicle", registration);
        }
        return findOrEmpty(r).orElseThrow(() -> new NotFoundException("vehicle", registration));
    }

    private Optional<Vehicle> findOrEmpty(Registration registration) {
        return em.createQuery("select v from Vehicle v where v.registration = :r", Vehicle.class)
                .setParameter("r", registration.value()).getResultStream().findFirst();
    }

    private static void requireVersion(Vehicle v, Long version) {
        if (version == null || version != v.version()) {
            throw new ConflictException("stale-version", "vehicle " + v.registration() + " was changed by someone"
                    + " else (version " + v.version() + "); reload and try again");
        }
    }

    private static boolean mayKeep(Caller caller, DivisionCode division) {
        return KEEPERS.contains(caller.role()) && caller.jurisdiction().covers(division);
    }

    private VehicleSpec spec(VehicleForm f) {
        DivisionCode division = f.getDivision() == null ? null : DivisionCode.parse("division", f.getDivision().trim());
        if (division != null && em.find(Division.class, division.value()) == null) {
            throw new InvalidInputException("division", "division " + division + " does not exist");
        }
        return VehicleSpec.of(new VehicleSpec.Facts(f.getKind(), division, f.getCapacityKg(), f.getCapacityM3(),
                f.getHeightM(), f.getWidthM(), f.getGrossWeightT(), f.getRangeKm(), f.getSortieMinutes(),
                f.getSpeedKmh(), f.getOwnerKind(), f.getAvailableFrom(), f.getAvailableUntil(),
                f.getDutyHoursPerDay(), f.getCrewName(), f.getCrewPhone()));
    }

    /**
     * The base named by {@code code}, if it suits {@code kind}.
     *
     * @throws InvalidInputException naming {@code base}: no such base, one of the wrong kind (a boat at
     *                               an air base), or an inactive warehouse
     */
    private ResolvedBase resolveBase(VehicleKind kind, String code) {
        String c = code == null ? "" : code.trim();
        Optional<Warehouse> warehouse = em.createQuery("select w from Warehouse w where w.code = :c", Warehouse.class)
                .setParameter("c", c).getResultStream().findFirst();
        Optional<Place> place = em.createQuery("select p from Place p where p.code = :c", Place.class)
                .setParameter("c", c).getResultStream().findFirst();
        BaseKind wanted = kind.baseKind();
        if (wanted == BaseKind.WAREHOUSE && warehouse.isPresent()) {
            if (!warehouse.get().active()) {
                throw new InvalidInputException("base", "warehouse " + c + " is inactive");
            }
            return new ResolvedBase.AtWarehouse(warehouse.get());
        }
        if (wanted != BaseKind.WAREHOUSE && place.isPresent() && place.get().kind() == wanted.placeKind()) {
            return new ResolvedBase.AtPlace(place.get());
        }
        BaseKind found = warehouse.isPresent() ? BaseKind.WAREHOUSE
                : place.map(p -> BaseKind.of(p.kind())).orElse(null);
        if (found == null && place.isEmpty()) {
            throw new InvalidInputException("base", "no warehouse, port or air base has the code " + c
                    + "; a " + kind + " is based at " + VehicleKind.article(wanted));
        }
        throw new InvalidInputException("base", c + ": " + kind.baseProblem(found).orElseThrow()
                + (place.isPresent() && found == null ? " (a " + place.get().kind() + ")" : ""));
    }
}
