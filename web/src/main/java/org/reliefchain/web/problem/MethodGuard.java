package org.reliefchain.web.problem;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * TRACE is refused for every address with 405 and the error page's body (problem+json under /api). The
 * server lets TRACE reach the application (config/src/main/payara/pre-boot.asadmin) so that the refusal
 * has a body; nothing here ever echoes a request back. Outside the API (pages, resources) only GET, HEAD,
 * POST and OPTIONS mean anything; the others get the same 405 rather than the default servlet's 501 page.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class MethodGuard extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String method = req.getMethod().toUpperCase(java.util.Locale.ROOT);
        boolean api = req.getRequestURI().startsWith(req.getContextPath() + "/api/");
        if (method.equals("TRACE") || (!api && !java.util.Set.of("GET", "HEAD", "POST", "OPTIONS").contains(method))) {
            res.setHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
            res.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        chain.doFilter(req, res);
    }
}
