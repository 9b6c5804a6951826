package org.reliefchain.web.security;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.reliefchain.web.problem.Problem;

/**
 * Browser protections on every response, and the API's defence against cross-site request forgery.
 *
 * <p>The pages are PrimeFaces, whose components write inline scripts and handlers, so the policy cannot
 * forbid inline script; it forbids everything else that an injected page could use: scripts, styles, fonts
 * and connections from any other origin, plugins, framing by other sites, a changed base URL and forms
 * posting elsewhere. Images may also come from the map tile server when one is configured.
 *
 * <p>Cross-site request forgery: a browser sends the session cookie with a request another site makes it
 * send, but another site cannot add a custom header without the server's CORS consent (never given). So an
 * API call that changes something and is authenticated by the session, not by an Authorization header, must
 * carry {@code X-Requested-With}; the application's own scripts send it. Faces forms carry their view state,
 * which another site cannot know. The session cookie is also SameSite=Lax (web.xml).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private String policy;

    @Override
    public void init() {
        // read here, not injected: an empty setting counts as no value, which injection refuses
        String tiles = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("reliefchain.map.tiles", String.class).orElse("");
        policy = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline';"
                + " img-src 'self' data:" + tileOrigin(tiles) + "; font-src 'self' data:; connect-src 'self';"
                + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        if (forged(request)) {
            response.setStatus(403);
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Problem.json("cross-site-request", "Forbidden", 403, "a change through the API"
                    + " with the session cookie must carry the header X-Requested-With (the application's pages send"
                    + " it); other clients authenticate with an Authorization header"));
            return;
        }
        chain.doFilter(request, response);
    }

    /** A change to the API riding on the session cookie alone, without the header only our own scripts send. */
    static boolean forged(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") && !SAFE.contains(request.getMethod())
                && request.getHeader("Authorization") == null && request.getHeader("X-Requested-With") == null
                && request.getSession(false) != null;
    }

    /** The scheme, host and port of the tile URL template, or nothing when there is none or it is unreadable. */
    static String tileOrigin(String template) {
        if (template == null || template.isBlank()) {
            return "";
        }
        try {
            URI uri = URI.create(template.strip().replaceAll("\\{[^}]*}", "0"));
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            return " " + uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
