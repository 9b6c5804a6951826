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

    /**
     * Stops after {@code steps} local-search steps, whatever the machine's speed, and after {@code atMost}
     * of wall-clock time if that comes first ({@code null}: no time limit).
     *
     * <p>A step ends only when a move is accepted. Where every neighbour of the plan is worse (a small
     * incident can leave the greedy plan so), late acceptance may evaluate moves for a very long time
     * before one is; the step count alone would then not end the search: an incident's plan was seen
     * still solving after ten minutes. So the search also ends once the solve has made
     * {@link #EVALUATIONS_PER_STEP} times {@code steps} score evaluations in all (a count, so the same on
     * any machine; a search that accepts moves needs far fewer: a few per move, a few hundred for a ruin
     * and recreate move, which is rare), and a dispatcher's time limit still holds.
     */
    record Steps(int steps, Duration atMost) implements SolveLimit {
        /** Score evaluations allowed in all, per step asked for. */
        public static final long EVALUATIONS_PER_STEP = 10_000;

        public Steps {
            if (steps < 0) {
                throw new IllegalArgumentException("steps must not be negative: " + steps);
            }
            if (atMost != null && (atMost.isNegative() || atMost.isZero())) {
                throw new IllegalArgumentException("a time limit must be positive: " + atMost);
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
        return new Steps(steps, null);
    }

    /** {@code steps} search steps, or {@code atMost} of wall-clock time if that comes first. */
    static SolveLimit steps(int steps, Duration atMost) {
        return new Steps(steps, atMost);
    }

    static SolveLimit untilStopped() {
        return new UntilStopped();
    }

    /** In words, for a plan's history: "60 s", "300 search steps (at most 180 s)", "until stopped". */
    default String describe() {
        if (this instanceof Time t) {
            return t.limit().toSeconds() + " s";
        }
        if (this instanceof Steps s) {
            return s.steps() + " search steps" + (s.atMost() == null ? "" : " (at most " + s.atMost().toSeconds() + " s)");
        }
        return "until stopped";
    }

    /** The solver-level termination, or {@code null} for none. */
    default TerminationConfig solverTermination() {
        if (this instanceof Time t) {
            return new TerminationConfig().withSpentLimit(t.limit());
        }
        return this instanceof Steps s && s.atMost() != null ? new TerminationConfig().withSpentLimit(s.atMost()) : null;
    }

    /** The termination of the local-search phase, or {@code null} for none. */
    default TerminationConfig searchTermination() {
        return this instanceof Steps s ? new TerminationConfig().withStepCountLimit(s.steps())
                .withScoreCalculationCountLimit(Math.max(1, s.steps()) * Steps.EVALUATIONS_PER_STEP) : null;
    }
}
