package org.reliefchain.dispatch;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.reliefchain.platform.Clock;

/**
 * The background solver's writes to a plan, each in a transaction of its own so that a crash leaves the
 * last one whole: taken up, improved, ended. Runs as nobody (no caller on the solver's thread).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PlanStore {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    /** @return false when the plan was stopped before a solver took it up */
    public boolean startSolving(long planId, String summary, String factsJson) {
        DispatchPlan p = em.find(DispatchPlan.class, planId);
        if (p == null || p.status() != PlanStatus.QUEUED) {
            return false;
        }
        p.startSolving(summary, factsJson, clock.now());
        return true;
    }

    public void improve(long planId, String solution, long affected, long inTime, long bound, Long fleetBound,
                        Long scarcityBound, String scarcityLimit, double elapsed, String progress) {
        em.find(DispatchPlan.class, planId).improve(solution, affected, inTime, bound, fleetBound, scarcityBound,
                scarcityLimit, elapsed, progress);
    }

    /**
     * Derived drawing, not a change of the plan: written without touching its version, so that a dispatcher
     * who read the plan when it ended can still approve it.
     */
    public void drawRoutes(long planId, String geoJson) {
        em.createNativeQuery("update relief_plan set routes = ?1 where id = ?2").setParameter(1, geoJson)
                .setParameter(2, planId).executeUpdate();
        em.getEntityManagerFactory().getCache().evict(DispatchPlan.class, planId);
    }

    public void end(long planId, PlanStatus how, String why) {
        DispatchPlan p = em.find(DispatchPlan.class, planId);
        if (p != null && p.status().running()) {
            p.end(how, why, clock.now());
        }
    }

    /** The application servers named on plans still queued or solving. */
    public java.util.List<String> solversOfRunning() {
        return em.createQuery("select distinct p.solver from DispatchPlan p where p.status in :s and p.solver is not null",
                String.class).setParameter("s", java.util.List.of(PlanStatus.QUEUED, PlanStatus.SOLVING)).getResultList();
    }

    /** The ids of the plans queued on or solved by the application server {@code instance}, oldest first. */
    public java.util.List<Long> runningOn(String instance) {
        return em.createQuery("select p.id from DispatchPlan p where p.status in :s and p.solver = :instance"
                        + " order by p.id", Long.class)
                .setParameter("s", java.util.List.of(PlanStatus.QUEUED, PlanStatus.SOLVING))
                .setParameter("instance", instance).getResultList();
    }

    /**
     * The unfinished plans of the application server {@code instance} (and those queued before plans named their
     * server) keep their best result, marked interrupted: at its start-up, or when it left the cluster.
     */
    public int interruptOf(String instance, String why) {
        var running = em.createQuery("select p from DispatchPlan p where p.status in :s"
                        + " and (p.solver = :instance or p.solver is null)", DispatchPlan.class)
                .setParameter("s", java.util.List.of(PlanStatus.QUEUED, PlanStatus.SOLVING))
                .setParameter("instance", instance).getResultList();
        running.forEach(p -> p.end(PlanStatus.INTERRUPTED, why + " while the plan was "
                + p.status().name().toLowerCase(java.util.Locale.ROOT), clock.now()));
        return running.size();
    }
}
