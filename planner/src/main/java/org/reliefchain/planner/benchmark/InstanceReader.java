package org.reliefchain.planner.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.reliefchain.planner.benchmark.VrpInstance.Metric;
import org.reliefchain.planner.benchmark.VrpInstance.Node;

/** Reads Solomon VRPTW text files and CVRPLIB (TSPLIB-style) CVRP files. */
public final class InstanceReader {

    private InstanceReader() {
    }

    /**
     * Solomon format: a name line, VEHICLE / NUMBER CAPACITY, CUSTOMER and rows of
     * {@code id x y demand ready due service}; row 0 is the depot, whose due date ends the day.
     */
    public static VrpInstance solomon(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String name = lines.get(0).trim();
        int vehicles = -1;
        long capacity = -1;
        List<Node> nodes = new ArrayList<>();
        boolean inVehicles = false;
        for (String raw : lines) {
            String line = raw.trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (line.startsWith("NUMBER")) {
                inVehicles = true;
            } else if (inVehicles && f.length == 2 && isNumber(f[0])) {
                vehicles = Integer.parseInt(f[0]);
                capacity = Long.parseLong(f[1]);
                inVehicles = false;
            } else if (f.length == 7 && isNumber(f[0])) {
                nodes.add(new Node(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6])));
            }
        }
        if (vehicles < 0 || nodes.size() < 2) {
            throw new IOException(file + " is not a Solomon instance (no vehicle line or no customers)");
        }
        Node depot = nodes.get(0);
        return new VrpInstance(name, Metric.TRUNCATED_TENTH, depot, List.copyOf(nodes.subList(1, nodes.size())),
                vehicles, capacity, depot.due());
    }

    /**
     * CVRPLIB format with EUC_2D: NODE_COORD_SECTION, DEMAND_SECTION, DEPOT_SECTION. Vehicles are not
     * limited by the format; the plan gets the {@code -kN} of the name plus a fifth, at least N + 2.
     */
    public static VrpInstance cvrp(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String name = file.getFileName().toString().replaceFirst("\\.vrp$", "");
        long capacity = -1;
        int dimension = -1;
        List<double[]> coords = new ArrayList<>();
        List<Long> demands = new ArrayList<>();
        int depotId = 1;
        String section = "";
        for (String raw : lines) {
            String line = raw.trim();
            if (line.isEmpty()) {
                continue;
            }
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith("NAME")) {
                name = value(line);
            } else if (upper.startsWith("CAPACITY")) {
                capacity = Long.parseLong(value(line));
            } else if (upper.startsWith("DIMENSION")) {
                dimension = Integer.parseInt(value(line));
            } else if (upper.startsWith("EDGE_WEIGHT_TYPE") && !value(line).equals("EUC_2D")) {
                throw new IOException(file + ": only EUC_2D instances are supported");
            } else if (upper.endsWith("_SECTION")) {
                section = upper;
            } else if (upper.equals("EOF")) {
                break;
            } else {
                String[] f = line.split("\\s+");
                switch (section) {
                    case "NODE_COORD_SECTION" -> coords.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
                    case "DEMAND_SECTION" -> demands.add(Long.parseLong(f[1]));
                    case "DEPOT_SECTION" -> {
                        int id = Integer.parseInt(f[0]);
                        if (id > 0) {
                            depotId = id;
                        }
                    }
                    default -> { }
                }
            }
        }
        if (capacity < 0 || coords.size() != dimension || demands.size() != dimension) {
            throw new IOException(file + " is not a complete CVRPLIB instance");
        }
        Node depot = null;
        List<Node> customers = new ArrayList<>();
        long unbounded = Long.MAX_VALUE / 1_000_000;
        for (int i = 0; i < dimension; i++) {
            Node n = new Node(i + 1, coords.get(i)[0], coords.get(i)[1], demands.get(i), 0, unbounded, 0);
            if (i + 1 == depotId) {
                depot = n;
            } else {
                customers.add(n);
            }
        }
        int k = name.matches(".*-k\\d+$") ? Integer.parseInt(name.replaceFirst(".*-k", "")) : customers.size();
        int vehicles = Math.max(k + 2, (int) Math.ceil(k * 1.2));
        return new VrpInstance(name, Metric.ROUNDED, depot, customers, vehicles, capacity, unbounded);
    }

    private static String value(String line) {
        return line.substring(line.indexOf(':') + 1).trim();
    }

    private static boolean isNumber(String s) {
        return s.chars().allMatch(Character::isDigit);
    }
}
