package org.reliefchain.planner.solver;

import java.time.Duration;

import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * When a solve ends. A dispatcher gives a time; a test gives a number of search steps, so that its
 * verdict is the same on a fast machine and a slow one; a session watched by its owner runs until it
 * is stopped. The first plan (construction) is always completed: it is finite and every other limit
 * counts from a complete plan.
 */
public sealed interface SolveLimit {

    /** Stops after {@code limit} of wall-clock time (restarted after a change while solving). */
    record Time(Duration limit) implements SolveLimit {
        public Time {
            if (limit == null || limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("a time limit must be positive: " + limit);
            }
        }
    }

    /** Stops after {@code steps} local-search steps, whatever the machine's speed. */
    record Steps(int steps) implements SolveLimit {
        public Steps {
            if (steps < 0) {
                throw new IllegalArgumentException("steps must not be negative: " + steps);
            }
        }
    }

    /** Runs until the owner stops it ({@code terminateEarly}). */
    record UntilStopped() implements SolveLimit {
    }

    static SolveLimit seconds(long seconds) {
        return new Time(Duration.ofSeconds(seconds));
    }

    static SolveLimit steps(int steps) {
        return new Steps(steps);
    }

    static SolveLimit untilStopped() {
        return new UntilStopped();
    }

    /** The solver-level termination, or {@code null} for none. */
    default TerminationConfig solverTermination() {
        return this instanceof Time t ? new TerminationConfig().withSpentLimit(t.limit()) : null;
    }

    /** The termination of the local-search phase, or {@code null} for none. */
    default TerminationConfig searchTermination() {
        return this instanceof Steps s ? new TerminationConfig().withStepCountLimit(s.steps()) : null;
    }
}
