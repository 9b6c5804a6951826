package org.reliefchain.security;

import java.security.Principal;
import java.time.Instant;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

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

/**
 * Administration of users. An administrator manages only users whose jurisdiction lies inside their
 * own, and can give no one a jurisdiction wider than theirs. Each method is one transaction and one
 * audit record.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class UserService {

    @Resource
    private SessionContext context;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private JurisdictionGuard guard;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @Inject
    private jakarta.enterprise.event.Event<AccountChanged> accountChanged;

    @Inject
    private jakarta.enterprise.event.Event<SignInUnlocked> signInUnlocked;

    public Page<UserView> list(String text, PageRequest page) {
        String pattern = text == null || text.isBlank() ? null : "%" + PagedQuery.escapeLike(text.trim()) + "%";
        return PagedQuery.of(AppUser.class, "u")
                .and("u.jurisdictionCode like :scope", "scope", guard.caller().jurisdiction().likePattern())
                .andIf(pattern, "u.username like :text escape '\\' or u.displayName like :text escape '\\'", "text")
                .fetch(em, "u.username", page)
                .map(this::view);
    }

    public UserView get(String username) {
        return view(findInScope(username));
    }

    public UserView create(@NotNull @Valid NewUser request) {
        DivisionCode jurisdiction = existingDivision("jurisdiction", request.getJurisdiction());
        guard.require(jurisdiction, "a user");
        if (findByName(request.getUsername()) != null) {
            throw new ConflictException("duplicate-username", "user name " + request.getUsername() + " is taken");
        }
        AppUser user = new AppUser(request.getUsername(), request.getDisplayName().trim(), request.getRole(), jurisdiction,
                hasher.hash(request.getPassword()), clock.now());
        em.persist(user);
        em.flush();
        audit.record("USER_CREATED", "user", user.username(),
                "created " + user.username() + " as " + user.role() + " for division " + jurisdiction);
        return view(user);
    }

    public UserView change(String username, @NotNull @Valid UserChange change) {
        AppUser user = findInScope(username);
        requireVersion(user, change.getVersion());
        DivisionCode jurisdiction = existingDivision("jurisdiction", change.getJurisdiction());
        guard.require(jurisdiction, "a user");
        String before = user.role() + "@" + user.jurisdictionCode() + " '" + user.displayName() + "'";
        user.assign(change.getRole(), jurisdiction, change.getDisplayName().trim(), clock.now());
        em.flush();
        audit.record("USER_CHANGED", "user", username, before + " -> " + user.role() + "@" + jurisdiction + " '"
                + user.displayName() + "'");
        accountChanged.fire(new AccountChanged(username));
        return view(user);
    }

    public UserView disable(String username) {
        AppUser user = findInScope(username);
        if (user.username().equals(guard.caller().username())) {
            throw new ConflictException("self-disable", "you cannot disable your own account");
        }
        if (user.enabled()) {
            user.disable(clock.now());
            em.flush();
            audit.record("USER_DISABLED", "user", username, "disabled " + username);
        accountChanged.fire(new AccountChanged(username));
        }
        return view(user);
    }

    public UserView enable(String username) {
        AppUser user = findInScope(username);
        if (!user.enabled()) {
            user.enable(clock.now());
            em.flush();
            audit.record("USER_ENABLED", "user", username, "enabled " + username);
        accountChanged.fire(new AccountChanged(username));
        }
        return view(user);
    }

    /**
     * Lifts the lock that wrong passwords put on the user's name (the user called: it was them, or the
     * password was reset). Audited; the name's count of failures starts again from nothing.
     */
    public UserView unlockSignIn(String username) {
        AppUser user = findInScope(username);
        audit.record("USER_SIGN_IN_UNLOCKED", "user", user.username(), "sign-in of " + user.username() + " unlocked");
        signInUnlocked.fire(new SignInUnlocked(user.username()));
        return view(user);
    }

    public UserView resetPassword(String username, @NotNull @Size(min = 8, max = 128) String password) {
        AppUser user = findInScope(username);
        user.changePassword(hasher.hash(password), clock.now());
        em.flush();
        audit.record("USER_PASSWORD_RESET", "user", username, "password of " + username + " reset");
        accountChanged.fire(new AccountChanged(username));
        return view(user);
    }

    /**
     * The caller's own account, for every signed-in user (disabled ones are refused as not signed in). One
     * query for the account and its division's names, as plain values: this is the cheapest call a signed-in
     * client makes, and every page asks it (through the guard it took a second bean call, a second read of the
     * account and a third of the division; building the shared entity queued concurrent requests of one user).
     */
    @PermitAll
    public UserView me() {
        Principal principal = context.getCallerPrincipal();
        return em.createQuery("select u.username, u.displayName, u.role, u.jurisdictionCode, d.nameZh, d.nameEn,"
                        + " u.createdAt, u.updatedAt, u.version from AppUser u, Division d"
                        + " where u.username = :name and u.enabled = true and d.code = u.jurisdictionCode", Object[].class)
                .setParameter("name", principal == null ? "" : principal.getName()).getResultStream().findFirst()
                .map(r -> new UserView((String) r[0], (String) r[1], (Role) r[2], (String) r[3], (String) r[4],
                        (String) r[5], true, (Instant) r[6], (Instant) r[7], ((Number) r[8]).longValue()))
                .orElseThrow(() -> new EJBAccessException("no enabled user is signed in"));
    }

    private AppUser findInScope(String username) {
        AppUser user = findByName(username);
        if (user == null) {
            throw new NotFoundException("user", username);
        }
        guard.require(user.jurisdictionCode(), "user " + username);
        return user;
    }

    private AppUser findByName(String username) {
        return em.createQuery("select u from AppUser u where u.username = :name", AppUser.class)
                .setParameter("name", username).getResultStream().findFirst().orElse(null);
    }

    private void requireVersion(AppUser user, long expected) {
        if (user.version() != expected) {
            throw new ConflictException("stale-version", "user " + user.username() + " was changed by someone else"
                    + " (version " + user.version() + ", you sent " + expected + "); reload and try again");
        }
    }

    private DivisionCode existingDivision(String field, String text) {
        DivisionCode code = DivisionCode.parse(field, text);
        if (em.find(Division.class, code.value()) == null) {
            throw new InvalidInputException(field, "division " + code + " does not exist");
        }
        return code;
    }

    private UserView view(AppUser u) {
        Division d = em.find(Division.class, u.jurisdictionCode().value());
        return new UserView(u.username(), u.displayName(), u.role(), u.jurisdictionCode().value(),
                d == null ? null : d.nameZh(), d == null ? null : d.nameEn(), u.enabled(), u.createdAt(), u.updatedAt(), u.version());
    }
}
