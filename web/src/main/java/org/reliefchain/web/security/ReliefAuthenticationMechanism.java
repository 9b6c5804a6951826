package org.reliefchain.web.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.reliefchain.web.problem.Problem;

/**
 * <ul>
 *   <li>Login form: {@code LoginView} calls {@code SecurityContext.authenticate} with the typed
 *       credentials; a valid login is kept in the HTTP session and restored from it on later requests.</li>
 *   <li>API: {@code Authorization: Basic ...} on each request, never creating a session (an API client
 *       that sends no cookies would otherwise leave one session per request behind).</li>
 *   <li>No credentials on a protected resource: an {@code /api} client gets 401 problem+json, a browser
 *       is sent to the login page.</li>
 *   <li>Wrong passwords: after a few in a row the user name is closed for a while ({@link SignInThrottle}):
 *       the form says so, an API client gets 429 with {@code Retry-After}; every failure is in the audit
 *       trail ({@code SIGN_IN_FAILED}).</li>
 * </ul>
 */
@ApplicationScoped
public class ReliefAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Session attribute holding the form login. */
    static final String SESSION_CALLER = "reliefchain.signedIn";

    /** Who signed in through the form, kept in their session. */
    record SignedIn(String username, Set<String> groups) implements java.io.Serializable {
    }

    @Inject
    private IdentityStoreHandler identityStores;

    @Inject
    private BasicCredentialCache basicCache;

    @Inject
    private SignInThrottle throttle;

    @Inject
    private org.reliefchain.audit.SecurityEvents securityEvents;

    /** Request attribute set when a form sign-in was refused unchecked: how long the name is still closed. */
    public static final String THROTTLED = "reliefchain.signInClosedFor";

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        try {
            return authenticate(request, response, context);
        } catch (RuntimeException e) {
            // The container turns a failure here into a bare 500; an outage of the database (the accounts
            // live there) is told as one: 503 with Retry-After, like every other call made while it is out.
            if (!org.reliefchain.web.problem.ProblemMapper.isDatabaseUnreachable(e)) {
                throw e;
            }
            return databaseUnavailable(request, response);
        }
    }

    private AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context) {
        Credential formCredential = context.getAuthParameters().getCredential();
        if (formCredential != null) {
            String name = formCredential instanceof UsernamePasswordCredential u ? u.getCaller() : "";
            java.time.Duration closed = throttle.closedFor(name, ClientAddress.of(request));
            if (!closed.isZero()) {
                request.setAttribute(THROTTLED, closed);
                return context.notifyContainerAboutLogin(CredentialValidationResult.INVALID_RESULT);
            }
            CredentialValidationResult result = counted(name, request, identityStores.validate(formCredential));
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                request.getSession(true);
                request.changeSessionId(); // a new id at sign-in: no session fixation
                request.getSession().setAttribute(SESSION_CALLER, new SignedIn(
                        result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
            }
            return context.notifyContainerAboutLogin(result);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_CALLER) instanceof SignedIn signedIn) {
            return context.notifyContainerAboutLogin(signedIn.username(), signedIn.groups());
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            UsernamePasswordCredential basic = decodeBasic(authorization.substring(6).trim());
            java.time.Duration closed = basic == null ? java.time.Duration.ZERO
                    : throttle.closedFor(basic.getCaller(), ClientAddress.of(request));
            if (!closed.isZero()) {
                return tooManyAttempts(response, closed);
            }
            CredentialValidationResult result = basic == null ? CredentialValidationResult.INVALID_RESULT
                    : basicCache.validate(authorization, basic.getCaller(),
                    () -> counted(basic.getCaller(), request, identityStores.validate(basic)));
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            return unauthorized(request, response, context, "user name or password is wrong, or the user is disabled");
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (isApi(request)) {
            return unauthorized(request, response, context, "sign in with HTTP Basic authentication");
        }
        return toLoginPage(request, response, context);
    }

    /**
     * Tells the throttle how a sign-in went, and the audit trail when it failed (a cached Basic sign-in does
     * not come here: it was right before).
     */
    private CredentialValidationResult counted(String username, HttpServletRequest request,
                                               CredentialValidationResult result) {
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            throttle.succeeded(username);
        } else {
            String address = ClientAddress.of(request);
            int inARow = throttle.failed(username, address);
            securityEvents.signInFailed(username, address, inARow, throttle.closedFor(username, address));
        }
        return result;
    }

    /** 503 problem+json to an API client, the outage page to a browser; nothing else happens. */
    private static AuthenticationStatus databaseUnavailable(HttpServletRequest request, HttpServletResponse response) {
        int wait = org.reliefchain.web.problem.ProblemMapper.RETRY_AFTER_SECONDS;
        try {
            response.setStatus(503);
            response.setHeader("Retry-After", String.valueOf(wait));
            response.setCharacterEncoding("UTF-8");
            if (isApi(request)) {
                response.setContentType(Problem.MEDIA_TYPE);
                response.getWriter().write(Problem.json("database-unavailable", "Service unavailable", 503,
                        "the database cannot be reached just now; nothing was changed: send the request again shortly"));
            } else {
                response.setContentType("text/html");
                response.getWriter().write(org.reliefchain.web.problem.ErrorServlet.outagePage(request.getMethod(),
                        request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString())));
            }
            response.flushBuffer();
        } catch (IOException e) {
            // the client went away
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** 429 with the seconds to wait: the user name is closed for a while after too many wrong passwords. */
    private static AuthenticationStatus tooManyAttempts(HttpServletResponse response, java.time.Duration closed) {
        long seconds = Math.max(1, (closed.toMillis() + 999) / 1000);
        try {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(seconds));
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Problem.json("too-many-attempts", "Too Many Requests", 429, "too many wrong"
                    + " passwords for this user name: try again in " + seconds + " s"));
            response.flushBuffer();
        } catch (IOException e) {
            // the client went away
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** An expired session's Ajax request cannot follow a 302: Faces needs a partial-response redirect. */
    private static AuthenticationStatus toLoginPage(HttpServletRequest request, HttpServletResponse response,
                                                    HttpMessageContext context) {
        String login = request.getContextPath() + "/login.xhtml";
        if (!"partial/ajax".equals(request.getHeader("Faces-Request"))) {
            return context.redirect(login);
        }
        try {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response>"
                    + "<redirect url=\"" + login + "\"></redirect></partial-response>");
            response.flushBuffer();
        } catch (IOException e) {
            // the browser went away
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || request.getRequestURI().equals(request.getContextPath() + "/api");
    }

    /** Writes and commits the 401 body itself so that no container error page replaces it. */
    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                                     HttpMessageContext context, String detail) {
        try {
            response.setStatus(401);
            if (isApi(request)) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"reliefchain\", charset=\"UTF-8\"");
            }
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Problem.json("unauthorized", "Unauthorized", 401, detail));
            response.flushBuffer();
        } catch (IOException e) {
            // the client went away; nothing left to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static UsernamePasswordCredential decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : new UsernamePasswordCredential(decoded.substring(0, colon),
                    decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
