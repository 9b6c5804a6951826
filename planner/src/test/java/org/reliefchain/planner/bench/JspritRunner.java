package org.reliefchain.planner.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.termination.TimeTermination;
import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TimeWindow;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.FastVehicleRoutingTransportCostsMatrix;
import com.graphhopper.jsprit.core.util.Solutions;

import org.reliefchain.planner.benchmark.VrpInstance;
import org.reliefchain.planner.benchmark.VrpInstance.Node;

/**
 * The reference: jsprit 1.8 on the same instance, same arc convention (the same matrix as ours),
 * one thread, stopped by time.
 */
final class JspritRunner {

    private JspritRunner() {
    }

    record Result(List<List<Integer>> routes, int unassigned) {
    }

    static Result solve(VrpInstance instance, long millis) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(instance.depot());
        nodes.addAll(instance.customers());
        double scale = instance.metric().scale;
        FastVehicleRoutingTransportCostsMatrix.Builder costs = FastVehicleRoutingTransportCostsMatrix.Builder
                .newInstance(nodes.size(), false);
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = 0; j < nodes.size(); j++) {
                double d = instance.metric().arc(nodes.get(i), nodes.get(j)) / scale;
                costs.addTransportTimeAndDistance(i, j, d, d);
            }
        }
        VehicleTypeImpl type = VehicleTypeImpl.Builder.newInstance("type")
                .addCapacityDimension(0, (int) instance.capacity()).setCostPerDistance(1.0).build();
        VehicleRoutingProblem.Builder problem = VehicleRoutingProblem.Builder.newInstance()
                .setFleetSize(VehicleRoutingProblem.FleetSize.FINITE).setRoutingCost(costs.build());
        Location depot = Location.Builder.newInstance().setId("0").setIndex(0).build();
        for (int v = 0; v < instance.vehicles(); v++) {
            problem.addVehicle(VehicleImpl.Builder.newInstance("v" + v).setStartLocation(depot).setType(type)
                    .setEarliestStart(instance.depot().ready()).setLatestArrival(instance.horizon()).build());
        }
        for (int i = 1; i < nodes.size(); i++) {
            Node c = nodes.get(i);
            problem.addJob(Service.Builder.newInstance(String.valueOf(c.id()))
                    .setLocation(Location.Builder.newInstance().setId(String.valueOf(c.id())).setIndex(i).build())
                    .addSizeDimension(0, (int) c.demand()).setServiceTime(c.service())
                    .setTimeWindow(TimeWindow.newInstance(c.ready(), c.due())).build());
        }
        VehicleRoutingAlgorithm algorithm = Jsprit.Builder.newInstance(problem.build())
                .setProperty(Jsprit.Parameter.THREADS, "1").buildAlgorithm();
        algorithm.setMaxIterations(Integer.MAX_VALUE);
        TimeTermination termination = new TimeTermination(millis);
        algorithm.setPrematureAlgorithmTermination(termination);
        algorithm.addListener(termination);
        Collection<VehicleRoutingProblemSolution> solutions = algorithm.searchSolutions();
        VehicleRoutingProblemSolution best = Solutions.bestOf(solutions);
        List<List<Integer>> routes = new ArrayList<>();
        for (VehicleRoute route : best.getRoutes()) {
            List<Integer> ids = new ArrayList<>();
            for (TourActivity a : route.getActivities()) {
                ids.add(Integer.parseInt(a.getLocation().getId()));
            }
            routes.add(ids);
        }
        return new Result(routes, best.getUnassignedJobs().size());
    }
}
