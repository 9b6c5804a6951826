package org.reliefchain.planner.solver;

import java.time.Duration;

import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.api.solver.SolverManager;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.phase.PhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.SolverManagerConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.reliefchain.planner.model.ReliefPlan;

/** Builds solvers for relief plans from {@code solverConfig.xml}, with the limit given here (the one place it is set). */
public final class ReliefSolver {

    public static final String CONFIG = "org/reliefchain/planner/solver/solverConfig.xml";

    private ReliefSolver() {
    }

    /** The configuration, stopping after {@code limit} (one thread, reproducible with {@code seed}). */
    public static SolverConfig config(Duration limit, Long seed) {
        return config(new SolveLimit.Time(limit), seed);
    }

    /** The configuration, stopping at {@code limit} (one thread, reproducible with {@code seed}). */
    public static SolverConfig config(SolveLimit limit, Long seed) {
        SolverConfig config = SolverConfig.createFromXmlResource(CONFIG, ReliefSolver.class.getClassLoader());
        config.setTerminationConfig(limit.solverTermination());
        TerminationConfig search = limit.searchTermination();
        if (search != null) {
            for (PhaseConfig<?> phase : config.getPhaseConfigList()) {
                if (phase instanceof LocalSearchPhaseConfig) {
                    phase.setTerminationConfig(search);
                }
            }
        }
        if (seed != null) {
            config.setRandomSeed(seed);
        }
        return config;
    }

    public static Solver<ReliefPlan> solver(Duration limit, Long seed) {
        return solver(new SolveLimit.Time(limit), seed);
    }

    public static Solver<ReliefPlan> solver(SolveLimit limit, Long seed) {
        return SolverFactory.<ReliefPlan>create(config(limit, seed)).buildSolver();
    }

    /** For asynchronous solving with progress and changes while solving. */
    public static SolverManager<ReliefPlan, String> manager(SolveLimit limit) {
        return SolverManager.create(config(limit, null), new SolverManagerConfig());
    }
}
