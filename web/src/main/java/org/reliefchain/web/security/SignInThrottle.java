package org.reliefchain.web.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Slows down password guessing per user name: the first {@link #FREE_FAILURES} wrong passwords in a row cost
 * nothing, each one after that closes the name to sign-ins for twice as long as the one before (30 s, 1 min,
 * 2 min, ... at most 15 min); a right password resets it. A pause rather than a lockout, so that a stranger
 * who knows a user name can delay that user but not shut them out for good. Kept in memory per instance:
 * a restart forgets it, which only gives an attacker a few more tries.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_PAUSE = Duration.ofSeconds(30);
    static final Duration LONGEST_PAUSE = Duration.ofMinutes(15);
    private static final int MAX_NAMES = 100_000;

    private record State(int failures, long closedUntil) {
    }

    private final Map<String, State> names = new ConcurrentHashMap<>();

    /** How long {@code username} is still closed to sign-ins; zero when it may try. */
    public Duration closedFor(String username) {
        State s = names.get(key(username));
        long left = s == null ? 0 : s.closedUntil() - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    public void failed(String username) {
        if (names.size() >= MAX_NAMES) {
            names.clear(); // a flood of made-up names must not exhaust memory; the worst case is a few free tries
        }
        names.compute(key(username), (k, s) -> {
            int failures = s == null ? 1 : s.failures() + 1;
            return new State(failures, failures <= FREE_FAILURES ? 0 : System.nanoTime() + pause(failures).toNanos());
        });
    }

    public void succeeded(String username) {
        names.remove(key(username));
    }

    /** The pause after the {@code failures}th wrong password in a row. */
    static Duration pause(int failures) {
        if (failures <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_FAILURES - 1, 10);
        Duration pause = FIRST_PAUSE.multipliedBy(1L << doublings);
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
