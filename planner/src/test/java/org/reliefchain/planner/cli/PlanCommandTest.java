package org.reliefchain.planner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefchain.planner.io.PlanWriter;
import org.reliefchain.planner.io.ScenarioFiles;
import org.reliefchain.planner.model.Location;
import org.reliefchain.planner.model.Mode;
import org.reliefchain.planner.model.ReliefPlan;
import org.reliefchain.planner.model.Vehicle;
import org.reliefchain.planner.scenario.ZhejiangScenario;

/** The command line: a scenario folder in, routes.geojson and deliveries.csv out. */
class PlanCommandTest {

    @TempDir
    Path dir;

    @Test
    void a_saved_scenario_is_read_back_solved_and_written_as_geojson_and_csv() throws Exception {
        ReliefPlan generated = ZhejiangScenario.generate(Path.of("..", "data", "zhejiang"), 3, 40).plan();
        Path scenario = dir.resolve("scenario");
        ScenarioFiles.write(generated, scenario);
        ReliefPlan read = ScenarioFiles.read(scenario);
        assertThat(read.getVisits()).hasSameSizeAs(generated.getVisits());
        assertThat(read.getVehicles()).hasSameSizeAs(generated.getVehicles());

        Path out = dir.resolve("plan");
        int status = PlanCommand.run(Map.of("scenario", scenario.toString(), "steps", "500", "out", out.toString()));
        assertThat(status).isZero();

        String geojson = Files.readString(out.resolve("routes.geojson"), StandardCharsets.UTF_8);
        assertThat(geojson).startsWith("{\"type\":\"FeatureCollection\"").contains("\"LineString\"", "\"mode\":\"TRUCK\"");
        Matcher trip = Pattern.compile("\"coordinates\":\\[(\\[[^\\]]+\\](,\\[[^\\]]+\\])*)\\]").matcher(geojson);
        assertThat(trip.find()).isTrue();
        String[] points = trip.group(1).split("\\],\\[");
        assertThat(points.length).as("depot, at least one stop, depot").isGreaterThanOrEqualTo(3);
        assertThat(points[0].replace("[", "")).isEqualTo(points[points.length - 1].replace("]", ""));

        List<String> rows = Files.readAllLines(out.resolve("deliveries.csv"), StandardCharsets.UTF_8);
        assertThat(rows.get(0)).startsWith("point,name,people,priority,modes,material,needed,delivered");
        long pointsTimesMaterials = read.getVisits().stream().map(v -> v.getPoint().id() + "/" + v.getMaterial())
                .distinct().count();
        assertThat(rows).hasSize((int) pointsTimesMaterials + 1);
        assertThat(rows.subList(1, rows.size())).allMatch(r -> r.contains(",yes,") || r.contains(",no,"));
    }

    @Test
    void legs_are_drawn_with_the_shape_given_trucks_along_their_roads() throws Exception {
        ReliefPlan plan = ZhejiangScenario.generate(Path.of("..", "data", "zhejiang"), 3, 40).plan();
        org.reliefchain.planner.solver.GreedyInitializer.initialize(plan);
        // A stand-in for the road network: every truck leg bends through a point 0.001 degrees north of its middle.
        PlanWriter.LegShape bent = (vehicle, from, to) -> vehicle.getMode() != Mode.TRUCK
                ? PlanWriter.LegShape.STRAIGHT.between(vehicle, from, to)
                : List.of(new double[] {from.lon(), from.lat()},
                        new double[] {(from.lon() + to.lon()) / 2, (from.lat() + to.lat()) / 2 + 0.001},
                        new double[] {to.lon(), to.lat()});
        Path out = dir.resolve("bent");
        PlanWriter.write(plan, out, bent);

        String geojson = Files.readString(out.resolve("routes.geojson"), StandardCharsets.UTF_8);
        Vehicle truck = plan.getVehicles().stream().filter(v -> v.getMode() == Mode.TRUCK && !v.getVisits().isEmpty())
                .findFirst().orElseThrow();
        Location home = truck.location();
        Location first = truck.getVisits().get(0).location();
        String bend = String.format(java.util.Locale.ROOT, "[%.6f,%.6f]", (home.lon() + first.lon()) / 2,
                (home.lat() + first.lat()) / 2 + 0.001);
        assertThat(geojson).contains(bend);
    }

    @Test
    void a_vehicle_at_an_unknown_depot_is_reported_with_its_line() throws Exception {
        Path scenario = savedWithOneLineChanged("vehicles.csv", 2, "^([^,]*,[^,]*,)[^,]*", "$1NO-SUCH-DEPOT");
        assertThatThrownBy(() -> ScenarioFiles.read(scenario)).isInstanceOf(IOException.class)
                .hasMessageContaining("vehicles.csv line 3").hasMessageContaining("NO-SUCH-DEPOT");
    }

    @Test
    void an_unknown_mode_is_reported_with_its_file_and_line() throws Exception {
        Path scenario = savedWithOneLineChanged("demand.csv", 1, "(HELICOPTER|TRUCK|BOAT)", "SUBMARINE");
        assertThatThrownBy(() -> ScenarioFiles.read(scenario)).isInstanceOf(IOException.class)
                .hasMessageContaining("demand.csv line 2").hasMessageContaining("SUBMARINE");
    }

    /** A small generated scenario saved as a folder, with the first match in one line of one file replaced. */
    private Path savedWithOneLineChanged(String file, int lineIndex, String regex, String replacement)
            throws Exception {
        ReliefPlan generated = ZhejiangScenario.generate(Path.of("..", "data", "zhejiang"), 3, 10).plan();
        Path scenario = dir.resolve(file.replace(".csv", "-changed"));
        ScenarioFiles.write(generated, scenario);
        Path changed = scenario.resolve(file);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(changed));
        lines.set(lineIndex, lines.get(lineIndex).replaceFirst(regex, replacement));
        Files.write(changed, lines);
        return scenario;
    }

    @Test
    void missing_arguments_are_a_usage_error() {
        assertThatThrownBy(() -> PlanCommand.run(Map.of("seconds", "1"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--scenario");
    }
}
