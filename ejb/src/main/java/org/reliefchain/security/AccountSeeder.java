package org.reliefchain.security;

import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reliefchain.audit.AuditTrail;
import org.reliefchain.division.DivisionCode;
import org.reliefchain.platform.Clock;
import org.reliefchain.platform.SeedLock;

/**
 * Creates the first accounts when there are none: the demo accounts in embedded demo mode, otherwise
 * one {@code admin} whose password comes from {@code reliefchain.admin.password}.
 */
@Singleton
@Startup
@DependsOn("DivisionLoader")
public class AccountSeeder {

    static final String DEMO_PASSWORD = "demo123";
    private static final Logger LOG = Logger.getLogger(AccountSeeder.class.getName());

    record Demo(String username, String displayName, Role role, String jurisdiction) {
    }

    static final List<Demo> DEMO_ACCOUNTS = List.of(
            new Demo("admin", "系统管理员", Role.ADMIN, "33"),
            new Demo("province.manager", "省级仓库管理员", Role.WAREHOUSE_MANAGER, "33"),
            new Demo("hangzhou.manager", "杭州市仓库管理员", Role.WAREHOUSE_MANAGER, "3301"),
            new Demo("yongjia.manager", "永嘉县仓库管理员", Role.WAREHOUSE_MANAGER, "330324"),
            // a county manager where a county finance user signs: rotation plans raised, approved and written off there
            new Demo("jiaojiang.manager", "椒江区仓库管理员", Role.WAREHOUSE_MANAGER, "331002"),
            new Demo("dispatcher", "省级调度员", Role.DISPATCHER, "33"),
            new Demo("wenzhou.dispatcher", "温州市调度员", Role.DISPATCHER, "3303"),
            new Demo("finance", "省级财务", Role.FINANCE, "33"),
            // the second pair of eyes: a statement prepared by one finance user is approved by another
            new Demo("finance.reviewer", "省级财务复核", Role.FINANCE, "33"),
            new Demo("taizhou.finance", "台州市财务", Role.FINANCE, "3310"),
            new Demo("jiaojiang.finance", "椒江区财务", Role.FINANCE, "331002"),
            new Demo("auditor", "省级审计员", Role.AUDITOR, "33"));

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "reliefchain.demo", defaultValue = "false")
    private boolean demo;

    @Inject
    @ConfigProperty(name = "reliefchain.admin.password")
    private Optional<String> adminPassword;

    /** Flushes inside the call so that a failure stops the deployment instead of vanishing at commit. */
    @PostConstruct
    void seedWhenEmpty() {
        seed();
        em.flush();
    }

    private void seed() {
        SeedLock.take(em); // one instance of a cluster at a time: the others then find the accounts made
        long users = em.createQuery("select count(u) from AppUser u", Long.class).getSingleResult();
        if (demo) {
            // Every demo account that is missing, so that a demo database made before an account was added
            // to the list gets it on the next start.
            java.util.Set<String> existing = new java.util.HashSet<>(em.createQuery("select u.username from AppUser u"
                    + " where u.username in :names", String.class).setParameter("names",
                    DEMO_ACCOUNTS.stream().map(Demo::username).toList()).getResultList());
            List<Demo> missing = DEMO_ACCOUNTS.stream().filter(d -> !existing.contains(d.username())).toList();
            if (missing.isEmpty()) {
                return;
            }
            String hash = hasher.hash(DEMO_PASSWORD);
            for (Demo d : missing) {
                em.persist(new AppUser(d.username(), d.displayName(), d.role(), DivisionCode.of(d.jurisdiction()),
                        hash, clock.now()));
                audit.record("USER_CREATED", "user", d.username(), "demo account " + d.username() + " as " + d.role()
                        + " for division " + d.jurisdiction());
            }
            LOG.info("demo mode: created " + missing.size() + " demo accounts (password " + DEMO_PASSWORD + ")");
        } else if (users > 0) {
            return;
        } else if (adminPassword.filter(p -> p.length() >= 8).isPresent()) {
            em.persist(new AppUser("admin", "系统管理员", Role.ADMIN, DivisionCode.of("33"), hasher.hash(adminPassword.get()),
                    clock.now()));
            audit.record("USER_CREATED", "user", "admin", "first administrator created from reliefchain.admin.password");
            LOG.info("created the first administrator 'admin'");
        } else {
            LOG.warning("no users exist and reliefchain.admin.password (RELIEFCHAIN_ADMIN_PASSWORD) is unset or shorter than 8"
                    + " characters: nobody can sign in until it is set and the application restarted");
        }
    }
}
