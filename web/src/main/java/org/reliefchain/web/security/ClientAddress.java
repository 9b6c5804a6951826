package org.reliefchain.web.security;

import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The address a request came from, for the sign-in throttle (and the failed sign-ins it writes to the audit
 * trail). Behind the cluster's balancer ({@code RELIEFCHAIN_BEHIND_PROXY=true}, set by the launcher) every
 * connection comes from loopback: the client is then the address in {@code X-Forwarded-For}, which the balancer
 * sets to the address it saw, replacing whatever the client sent. The header is believed only on a connection
 * from loopback, where only the balancer can be, and only its last value is read (a proxy that appends instead
 * of replacing puts its own at the end, after any the client wrote).
 */
final class ClientAddress {

    private static volatile Boolean behindProxy;

    private ClientAddress() {
    }

    static String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!behindProxy() || !isLoopback(peer)) {
            return peer;
        }
        String last = null;
        for (var lines = request.getHeaders("X-Forwarded-For"); lines.hasMoreElements(); ) {
            last = lines.nextElement();
        }
        return of(peer, last);
    }

    /** Behind the balancer: the last address of the last {@code X-Forwarded-For} line, else the connection's own. */
    static String of(String peer, String forwarded) {
        if (!isLoopback(peer) || forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).trim();
        return last.isEmpty() || last.length() > 45 ? peer : last;
    }

    private static boolean behindProxy() {
        Boolean b = behindProxy;
        if (b == null) {
            b = ConfigProvider.getConfig().getOptionalValue("reliefchain.behind.proxy", Boolean.class).orElse(false);
            behindProxy = b;
        }
        return b;
    }

    static boolean isLoopback(String address) {
        return address != null && (address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1"));
    }
}
