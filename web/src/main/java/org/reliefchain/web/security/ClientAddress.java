package org.reliefchain.web.security;

import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The address a request came from, for the sign-in throttle and the audit trail. Behind the cluster's balancer
 * ({@code RELIEFCHAIN_BEHIND_PROXY=true}, set by the launcher) every connection comes from loopback: the client
 * is then the last address of {@code X-Forwarded-For}, the one the balancer appended. The header is believed only
 * on a connection from loopback, where only the balancer can be, so that a client cannot name someone else's
 * address (and lock them out) by sending the header itself.
 */
final class ClientAddress {

    private static volatile Boolean behindProxy;

    private ClientAddress() {
    }

    static String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        return behindProxy() && isLoopback(peer) ? of(peer, request.getHeader("X-Forwarded-For")) : peer;
    }

    /** Behind the balancer: the address it appended to {@code forwarded}, else the connection's own. */
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
