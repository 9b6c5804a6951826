package org.reliefchain.web.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.reliefchain.security.SignInUnlocked;

/**
 * Slows down password guessing, per user name and per client address. For a name: the first
 * {@link #FREE_FAILURES} wrong passwords in a row cost nothing; each one after that closes the name for
 * twice as long as the one before (30 s, 1 min, 2 min, 4 min); the {@link #LOCKOUT_AFTER}th locks it for
 * {@link #LOCKOUT} (and every one after that again), until it passes or an administrator unlocks it. An
 * address gets {@link #ADDRESS_FACTOR} times as many tries before the same steps, since a county office
 * signs in through one gateway (and a generous count keeps a stranger from closing a whole office); it
 * stops one machine from trying many names. Behind a load balancer the address is the balancer's unless
 * the container is told to trust its forwarding header. A right password resets its
 * name (not its address: an attacker's own account must not wipe the address's count). Failures older than
 * {@link #FORGET_AFTER} are forgotten, so last week's typo counts for nothing today.
 *
 * <p>Kept in memory per instance: a restart forgets it, which gives an attacker only a few more tries.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int FREE_FAILURES = 5;
    static final int LOCKOUT_AFTER = 10;
    static final int ADDRESS_FACTOR = 10;
    static final Duration FIRST_PAUSE = Duration.ofSeconds(30);
    static final Duration LOCKOUT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_KEYS = 100_000;

    /** Failures in a row, when the last one was, and until when the key is closed (nanoTime). */
    private record State(int failures, long lastFailure, long closedUntil) {
    }

    private final Map<String, State> keys = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    public SignInThrottle() {
        this(System::nanoTime);
    }

    SignInThrottle(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** How long a sign-in as {@code username} from {@code address} must still wait; zero when it may try. */
    public Duration closedFor(String username, String address) {
        long now = nanoTime.getAsLong();
        long until = Math.max(until(nameKey(username)), until(addressKey(address)));
        return until > now ? Duration.ofNanos(until - now) : Duration.ZERO;
    }

    /** How long the name alone is still closed, whatever the address: what an administrator sees. */
    public Duration closedFor(String username) {
        long now = nanoTime.getAsLong();
        long until = until(nameKey(username));
        return until > now ? Duration.ofNanos(until - now) : Duration.ZERO;
    }

    /** Counts a failed sign-in; answers the name's failures in a row, this one included. */
    public int failed(String username, String address) {
        if (keys.size() >= MAX_KEYS) {
            keys.clear(); // a flood of made-up names must not exhaust memory; the worst case is a few free tries
        }
        count(addressKey(address), FREE_FAILURES * ADDRESS_FACTOR, LOCKOUT_AFTER * ADDRESS_FACTOR);
        return count(nameKey(username), FREE_FAILURES, LOCKOUT_AFTER).failures();
    }

    public void succeeded(String username) {
        keys.remove(nameKey(username));
    }

    /** An administrator lifted the lock on a name (in the user administration). */
    void unlocked(@Observes SignInUnlocked event) {
        succeeded(event.username());
    }

    private State count(String key, int free, int lockoutAfter) {
        return keys.compute(key, (k, s) -> {
            long now = nanoTime.getAsLong();
            boolean forgotten = s == null || now - s.lastFailure() > FORGET_AFTER.toNanos();
            int failures = forgotten ? 1 : s.failures() + 1;
            Duration pause = pause(failures, free, lockoutAfter);
            return new State(failures, now, pause.isZero() ? 0 : now + pause.toNanos());
        });
    }

    private long until(String key) {
        State s = keys.get(key);
        return s == null ? 0 : s.closedUntil();
    }

    /** The pause after the {@code failures}th failure in a row of a name. */
    static Duration pause(int failures) {
        return pause(failures, FREE_FAILURES, LOCKOUT_AFTER);
    }

    private static Duration pause(int failures, int free, int lockoutAfter) {
        if (failures <= free) {
            return Duration.ZERO;
        }
        if (failures >= lockoutAfter) {
            return LOCKOUT;
        }
        Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(failures - free - 1, 20));
        return pause.compareTo(LOCKOUT) > 0 ? LOCKOUT : pause;
    }

    private static String nameKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "addr:" + (address == null ? "" : address);
    }
}
