package org.reliefchain.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.reliefchain.audit.AuditTrail;
import org.reliefchain.division.Division;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.platform.Clock;
import org.reliefchain.platform.ConflictException;
import org.reliefchain.platform.InvalidInputException;
import org.reliefchain.platform.NotFoundException;
import org.reliefchain.platform.Page;
import org.reliefchain.platform.PageRequest;
import org.reliefchain.security.Caller;
import org.reliefchain.security.JurisdictionGuard;
import org.reliefchain.security.OutsideJurisdictionException;
import org.reliefchain.security.Role;

/**
 * Declaring and running incidents, and their hazards. Who sees what: a dispatcher or administrator
 * whose jurisdiction contains the incident's owner division runs it; anyone whose jurisdiction
 * contains the owner, or overlaps an affected division (a county dispatcher inside a city's typhoon),
 * sees it, the latter read-only. An incident the caller may not see is "not found", so its existence
 * is not revealed; the jurisdiction is checked before the version.
 */
@Stateless
@PermitAll
public class IncidentService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private JurisdictionGuard guard;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @RolesAllowed({"ADMIN", "DISPATCHER"})
    public IncidentView declare(IncidentForm form) {
        if (form == null) {
            throw new InvalidInputException("body", "is required");
        }
        List<DivisionCode> affected = divisions(form.affectedDivisions());
        Caller caller = guard.require(Incident.owner(affected), "an incident in these divisions");
        long seq = ((Number) em.createNativeQuery("select nextval('incident_number_seq')").getSingleResult()).longValue();
        String number = String.format("INC-%d-%04d", java.time.ZonedDateTime.ofInstant(clock.now(),
                java.time.ZoneId.of("Asia/Shanghai")).getYear(), seq);
        Incident incident = new Incident(number, form.kind(), form.name(), form.responseLevel(), affected,
                form.startedAt(), form.deadline(), caller.username(), clock.now());
        em.persist(incident);
        em.flush();
        String detail = "declared " + incident.kind() + " " + incident.name() + ", level " + incident.responseLevel()
                + ", affected " + incident.affectedDivisions() + ", deadline " + incident.deadline();
        history(incident, "DECLARED", detail, null);
        return view(incident, caller);
    }

    /** Visible: owned inside my jurisdiction, or touching it through an affected division. */
    private static final String VISIBLE = " from Incident i where (i.ownerDivision like :j or exists (select d from"
            + " Incident x join x.affectedDivisions d where x = i and (d like :j or d in :ancestors)))";
    /** More open incidents than any province has had at once; a menu longer than this would be unusable anyway. */
    private static final int OPEN_LISTED = 500;

    public Page<IncidentView> list(IncidentStatus status, PageRequest page) {
        Caller caller = guard.caller();
        String j = caller.jurisdiction().root().value();
        String where = VISIBLE + (status == null ? "" : " and i.status = :status");
        List<String> ancestors = ancestors(j);
        var count = em.createQuery("select count(i)" + where, Long.class).setParameter("j", j + "%")
                .setParameter("ancestors", ancestors);
        var items = em.createQuery("select i" + where + " order by i.startedAt desc, i.id desc", Incident.class)
                .setParameter("j", j + "%").setParameter("ancestors", ancestors);
        if (status != null) {
            count.setParameter("status", status);
            items.setParameter("status", status);
        }
        long total = count.getSingleResult();
        List<IncidentView> views = items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()
                .stream().map(i -> view(i, caller)).toList();
        return new Page<>(views, total, page.page(), page.size());
    }

    /**
     * Every incident not closed that the caller may see, newest first: what an emergency allocation, a requisition
     * or a call-up can name. Not the newest page of all incidents filtered afterwards, which loses an open incident
     * once enough newer ones (closed or not) exist.
     */
    public List<IncidentView> open() {
        Caller caller = guard.caller();
        String j = caller.jurisdiction().root().value();
        return em.createQuery("select i" + VISIBLE + " and i.status <> :closed order by i.startedAt desc, i.id desc",
                        Incident.class)
                .setParameter("j", j + "%").setParameter("ancestors", ancestors(j))
                .setParameter("closed", IncidentStatus.CLOSED).setMaxResults(OPEN_LISTED).getResultList()
                .stream().map(i -> view(i, caller)).toList();
    }

    public IncidentView get(long id) {
        Caller caller = guard.caller();
        return view(visible(id, caller), caller);
    }

    @RolesAllowed({"ADMIN", "DISPATCHER"})
    public IncidentView change(long id, IncidentChange change) {
        if (change == null) {
            throw new InvalidInputException("body", "is required");
        }
        Caller caller = guard.caller();
        Incident i = runnable(id, caller);
        String reason = reason(change.reason());
        if (change.version() == null || change.version() != i.version()) {
            throw new ConflictException("stale-version", "incident " + i.number() + " was changed by someone else"
                    + " (version " + i.version() + "); reload and try again");
        }
        List<String> what = new ArrayList<>();
        if (change.name() != null && !change.name().trim().equals(i.name())) {
            i.rename(change.name(), clock.now());
            what.add("name " + i.name());
        }
        if (change.responseLevel() != null && change.responseLevel() != i.responseLevel()) {
            what.add("level " + i.responseLevel() + " -> " + change.responseLevel());
            i.changeLevel(change.responseLevel(), clock.now());
        }
        if (change.deadline() != null && !change.deadline().equals(i.deadline())) {
            what.add("deadline " + i.deadline() + " -> " + change.deadline());
            i.moveDeadline(change.deadline(), clock.now());
        }
        if (change.demandDays() != null && change.demandDays() != i.demandDays()) {
            what.add("demand days " + i.demandDays() + " -> " + change.demandDays());
            i.coverDays(change.demandDays(), clock.now());
        }
        if (change.affectedDivisions() != null) {
            List<DivisionCode> affected = divisions(change.affectedDivisions());
            guard.require(Incident.owner(affected), "an incident in these divisions");
            i.changeAffected(affected, clock.now());
            what.add("affected " + i.affectedDivisions());
        }
        if (what.isEmpty()) {
            throw new InvalidInputException("body", "changes nothing");
        }
        em.flush();
        history(i, "CHANGED", String.join("; ", what), reason);
        return view(i, caller);
    }

    @RolesAllowed({"ADMIN", "DISPATCHER"})
    public IncidentView moveTo(long id, StatusChange change) {
        if (change == null) {
            throw new InvalidInputException("body", "is required");
        }
        Caller caller = guard.caller();
        Incident i = runnable(id, caller);
        String reason = reason(change.reason());
        IncidentStatus from = i.status();
        i.moveTo(change.status(), clock.now());
        em.flush();
        history(i, "STATUS", from + " -> " + i.status(), reason);
        return view(i, caller);
    }

    /**
     * The incident's history. Whoever holds the whole incident reads all of it; a dispatcher who sees it through
     * an affected county reads the incident-wide lines and those about their county, not the other counties'.
     */
    public List<IncidentEvent.View> history(long id) {
        Caller caller = guard.caller();
        Incident i = visible(id, caller);
        boolean whole = caller.jurisdiction().covers(i.ownerDivision());
        return em.createQuery("select e from IncidentEvent e where e.incidentId = :id order by e.id", IncidentEvent.class)
                .setParameter("id", i.id()).getResultList().stream()
                .filter(e -> whole || e.readableWithin(caller.jurisdiction())).map(IncidentEvent::view).toList();
    }

    /** The current hazards as a FeatureCollection; its {@code revision} member is what a save must send back. */
    public String hazards(long id) {
        Incident i = visible(id, guard.caller());
        return HazardGeometry.write(hazardsOf(i.id()), new HazardRevisions(em).current(i.id()));
    }

    public List<HazardFeature> hazardsOf(long incidentId) {
        return em.createQuery("select h from Hazard h where h.incidentId = :id order by h.id", Hazard.class)
                .setParameter("id", incidentId).getResultList().stream().map(Hazard::feature).toList();
    }

    /**
     * Replaces the incident's hazards with the collection sent (the map's save, the text box, the API). The
     * collection names the revision it was made from; when someone saved since, nothing is written and the
     * sender is told who and when (409), so two dispatchers on one map never overwrite each other unseen.
     * Every saved collection is kept (see {@link #hazardRevisions}).
     */
    @RolesAllowed({"ADMIN", "DISPATCHER"})
    public String replaceHazards(long id, String featureCollection) {
        Caller caller = guard.caller();
        Incident i = runnable(id, caller);
        if (i.status() == IncidentStatus.CLOSED) {
            throw new ConflictException("incident-closed", "incident " + i.number() + " is closed");
        }
        List<HazardFeature> features = HazardGeometry.read(featureCollection);
        Integer read = HazardGeometry.revision(featureCollection);
        if (read == null) {
            throw new InvalidInputException("revision", "is required: send back the revision the hazards were read"
                    + " with (GET .../hazards answers it), so that no one else's save is overwritten unseen", "required");
        }
        // saves of one incident in turn: the check of the revision and the write must not interleave
        em.lock(i, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        HazardRevisions revisions = new HazardRevisions(em);
        int current = revisions.current(i.id());
        if (read != current) {
            String by = revisions.latest(i.id()).map(r -> " by " + r.savedBy() + " at " + r.savedAt()).orElse("");
            throw new ConflictException("stale-version", "the hazards were saved" + by + " (revision " + current
                    + ") after revision " + read + " you read; reload them and save again");
        }
        em.createQuery("delete from Hazard h where h.incidentId = :id").setParameter("id", i.id()).executeUpdate();
        for (HazardFeature f : features) {
            em.persist(new Hazard(i.id(), f));
            em.flush(); // ids in the order sent: the collection reads back in the dispatcher's order
        }
        em.flush();
        String saved = HazardGeometry.write(hazardsOf(i.id()), current + 1);
        revisions.append(i.id(), current + 1, caller.username(), clock.now(), features.size(), saved);
        history(i, "HAZARDS", features.size() + " hazards saved (revision " + (current + 1) + ")", null);
        return saved;
    }

    /** Every saved hazard collection of the incident, newest first (at most 200). */
    public List<HazardRevisions.Revision> hazardRevisions(long id) {
        Incident i = visible(id, guard.caller());
        return new HazardRevisions(em).list(i.id(), 200);
    }

    /** One saved hazard collection, as it was saved. */
    public String hazardRevision(long id, int revision) {
        Incident i = visible(id, guard.caller());
        return new HazardRevisions(em).collection(i.id(), revision);
    }

    /** A division a user may pick as a demand point: inside the incident and the caller's jurisdiction. */
    public record PointChoice(String code, String nameZh, String nameEn) {
    }

    /** Villages, townships and counties of the incident whose name contains {@code text} (or whose code starts with it). */
    public List<PointChoice> pickPoints(long id, String text) {
        Caller caller = guard.caller();
        Incident i = visible(id, caller);
        String t = text == null ? "" : org.reliefchain.platform.PagedQuery.escapeLike(
                text.replaceAll("\\p{Cntrl}", "").trim());
        List<PointChoice> out = new ArrayList<>();
        for (DivisionCode a : i.affectedDivisions()) {
            DivisionCode within = caller.jurisdiction().root().contains(a) ? a
                    : a.contains(caller.jurisdiction().root()) ? caller.jurisdiction().root() : null;
            if (within == null || out.size() >= 15) {
                continue;
            }
            em.createQuery("select d from Division d where d.code like :within and length(d.code) >= 6"
                            + " and (d.nameZh like :contains escape '\\' or d.code like :prefix escape '\\'"
                            + " or d.nameInitials like :initials escape '\\')"
                            + " order by length(d.code), d.code", Division.class)
                    .setParameter("within", within.value() + "%").setParameter("contains", "%" + t + "%")
                    .setParameter("initials", "%" + t.toLowerCase(java.util.Locale.ROOT) + "%")
                    .setParameter("prefix", t + "%").setMaxResults(15 - out.size()).getResultList()
                    .forEach(d -> out.add(new PointChoice(d.codeValue(), d.nameZh(), d.nameEn())));
        }
        return out;
    }

    /** An incident that is not closed, by its number, if the caller may see it (for emergency allocations). */
    public Optional<Incident> open(String number, Caller caller) {
        return em.createQuery("select i from Incident i where i.number = :n and i.status <> :closed", Incident.class)
                .setParameter("n", number).setParameter("closed", IncidentStatus.CLOSED).getResultStream()
                .filter(i -> sees(caller, i)).findFirst();
    }

    /** For the other incident services: the incident if the caller may see it, else not found. */
    public Incident visible(long id, Caller caller) {
        Incident i = Optional.ofNullable(em.find(Incident.class, id))
                .orElseThrow(() -> new NotFoundException("incident", id));
        if (!sees(caller, i)) {
            throw new NotFoundException("incident", id);
        }
        return i;
    }

    /** For the other incident services: the incident if the caller runs it (403 for a read-only viewer). */
    public Incident runnable(long id, Caller caller) {
        Incident i = visible(id, caller);
        if (!runs(caller, i)) {
            throw new OutsideJurisdictionException(caller.jurisdiction().root(), i.ownerDivision(),
                    "incident " + i.number());
        }
        return i;
    }

    static boolean runs(Caller caller, Incident i) {
        return (caller.role() == Role.DISPATCHER || caller.role() == Role.ADMIN)
                && caller.jurisdiction().covers(i.ownerDivision());
    }

    static boolean sees(Caller caller, Incident i) {
        DivisionCode root = caller.jurisdiction().root();
        return root.contains(i.ownerDivision())
                || i.affectedDivisions().stream().anyMatch(d -> root.contains(d) || d.contains(root));
    }

    /** Writes a line about the whole incident to its history and the audit trail, in the caller's transaction. */
    public void history(Incident i, String action, String detail, String reason) {
        history(i, action, null, detail, reason);
    }

    /** Writes a line about part of the incident ({@code division}; null for all of it). */
    public void history(Incident i, String action, DivisionCode division, String detail, String reason) {
        // the system writes too: a plan moved to another server when its own left the cluster
        String actor = guard.signedIn().map(Caller::username).orElse(AuditTrail.SYSTEM);
        em.persist(new IncidentEvent(i.id(), clock.now(), actor, action, division, detail, reason));
        audit.record("INCIDENT_" + action, "incident", i.number(), detail + (reason == null ? "" : " (" + reason + ")"));
    }

    private IncidentView view(Incident i, Caller caller) {
        boolean runs = runs(caller, i);
        Division owner = em.find(Division.class, i.ownerDivision().value());
        return new IncidentView(i.id(), i.number(), i.kind(), i.name(), i.responseLevel(), i.status(),
                i.ownerDivision().value(), owner == null ? null : owner.nameZh(),
                i.affectedDivisions().stream().map(DivisionCode::value).toList(), i.startedAt(), i.deadline(),
                i.demandDays(), i.declaredBy(), i.declaredAt(), i.synthetic(), i.version(), runs,
                runs ? i.nextStatuses() : List.of());
    }

    private List<DivisionCode> divisions(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            throw new InvalidInputException("affectedDivisions", "name at least one affected division");
        }
        if (codes.size() > 500) {
            throw new InvalidInputException("affectedDivisions", "at most 500 divisions; name a county for all of it");
        }
        List<DivisionCode> out = new ArrayList<>();
        for (String code : codes) {
            DivisionCode d = DivisionCode.parse("affectedDivisions", code);
            if (em.find(Division.class, d.value()) == null) {
                throw new InvalidInputException("affectedDivisions", "division " + d + " does not exist");
            }
            out.add(d);
        }
        return out;
    }

    /** The divisions above and including {@code code}: 33, 3303, 330324 for 330324. */
    static List<String> ancestors(String code) {
        List<String> out = new ArrayList<>();
        for (int length : new int[] {2, 4, 6, 9, 12}) {
            if (code.length() >= length) {
                out.add(code.substring(0, length));
            }
        }
        return out;
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "say why (it goes into the incident's history)");
        }
        if (reason.length() > 300 || reason.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new InvalidInputException("reason", "at most 300 characters, no control characters");
        }
        return reason.trim();
    }
}
