package org.reliefchain.web.security;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.reliefchain.cluster.DataGrid;
import org.reliefchain.security.SignInUnlocked;

/**
 * Slows down password guessing, per user name and per client address. For a name: the first
 * {@link #FREE_FAILURES} wrong passwords in a row cost nothing; each one after that closes the name for
 * twice as long as the one before (30 s, 1 min, 2 min, 4 min); the {@link #LOCKOUT_AFTER}th locks it for
 * {@link #LOCKOUT} (and every one after that again), until it passes or an administrator unlocks it. An
 * address gets {@link #ADDRESS_FACTOR} times as many tries before the same steps, since a county office
 * signs in through one gateway (and a generous count keeps a stranger from closing a whole office); it
 * stops one machine from trying many names. Behind the cluster's balancer the address is the one it forwards
 * ({@link ClientAddress}). A right password resets its
 * name (not its address: an attacker's own account must not wipe the address's count). Failures older than
 * {@link #FORGET_AFTER} are forgotten, so last week's typo counts for nothing today.
 *
 * <p>Kept in the cluster's data grid, so that a name closed on one instance is closed on all (an attacker taking
 * turns between instances gets no more tries), and in memory on a server running alone. Times are wall-clock, the
 * one clock the instances share. A restart of the whole cluster forgets it, which gives an attacker only a few
 * more tries.
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

    /** Failures in a row, when the last one was, and until when the key is closed (nanoseconds of the clock). */
    private record State(int failures, long lastFailure, long closedUntil) {
        /** As the grid keeps it: an array of the JDK's own, which every member reads without our classes. */
        long[] stored() {
            return new long[] {failures, lastFailure, closedUntil};
        }

        static State of(long[] stored) {
            return stored == null ? null : new State((int) stored[0], stored[1], stored[2]);
        }
    }

    /** The name of the shared map in the cluster's data grid. */
    static final String GRID_MAP = "reliefchain.sign-in-throttle";

    private ConcurrentMap<String, long[]> keys = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    public SignInThrottle() {
        this(() -> System.currentTimeMillis() * 1_000_000L);
    }

    SignInThrottle(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * In a cluster, the grid's map; alone, the memory of this server: every Basic request asks the throttle, and
     * a grid map (even of one member) serializes each key to look it up.
     */
    @PostConstruct
    void shareInTheCluster() {
        if (DataGrid.inCluster()) {
            DataGrid.find().ifPresent(grid -> keys = grid.sharedMap(GRID_MAP));
        }
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
        // A flood of made-up names must not exhaust memory: in memory the map is emptied at a size (the worst case
        // is a few free tries); in the grid its entries expire an hour after their last failure (the grid files),
        // and emptying it would lift every lockout of the cluster.
        if (keys instanceof ConcurrentHashMap && keys.size() >= MAX_KEYS) {
            keys.clear();
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
        return State.of(keys.compute(key, (k, stored) -> {
            State s = State.of(stored);
            long now = nanoTime.getAsLong();
            boolean forgotten = s == null || now - s.lastFailure() > FORGET_AFTER.toNanos();
            int failures = forgotten ? 1 : s.failures() + 1;
            Duration pause = pause(failures, free, lockoutAfter);
            return new State(failures, now, pause.isZero() ? 0 : now + pause.toNanos()).stored();
        }));
    }

    private long until(String key) {
        State s = State.of(keys.get(key));
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
