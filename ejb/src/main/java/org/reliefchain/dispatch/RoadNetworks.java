package org.reliefchain.dispatch;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.eclipse.microprofile.config.ConfigProvider;
import org.reliefchain.planner.road.ProvinceRoads;
import org.reliefchain.planner.road.RoadNetwork;

/**
 * The province road network trucks are planned on, loaded once on the first plan and kept: the
 * synthetic network generated from the division data by default, or a real OSM extract named by the
 * setting {@code reliefchain.roads.osm}. The graph is built into {@code reliefchain.roads.cache}
 * (minutes the first time) and reloaded from there afterwards (seconds).
 */
@ApplicationScoped
public class RoadNetworks {

    private static final System.Logger LOG = System.getLogger(RoadNetworks.class.getName());

    private RoadNetwork network;
    private String description;

    /** The network, loading it on first use; callers share it (matrix and path searches are read-only). */
    public synchronized RoadNetwork network() {
        if (network == null) {
            load();
        }
        return network;
    }

    /** What trucks are planned on, in words, for plan summaries. */
    public synchronized String description() {
        network();
        return description;
    }

    private void load() {
        var config = ConfigProvider.getConfig();
        Path cache = Path.of(config.getOptionalValue("reliefchain.roads.cache", String.class)
                .orElse(Path.of(System.getProperty("user.home"), ".reliefchain", "roads").toString()));
        String osm = config.getOptionalValue("reliefchain.roads.osm", String.class).orElse("");
        long start = System.nanoTime();
        try {
            Files.createDirectories(cache);
            if (!osm.isBlank()) {
                Path file = Path.of(osm);
                network = RoadNetwork.load(file, cache.resolve("graph-" + file.getFileName()));
                description = "roads of the OpenStreetMap extract " + file.getFileName();
            } else {
                ProvinceRoads.Loaded loaded = ProvinceRoads.load(dataFolder(cache), cache);
                network = loaded.network();
                description = "the synthetic province road network (generated from the division data; not real roads)";
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the road network into " + cache, e);
        }
        LOG.log(System.Logger.Level.INFO, "road network loaded in {0} s: {1}",
                Math.round((System.nanoTime() - start) / 1e9), description);
    }

    /** The data files the generator reads, copied out of the application (it reads files, not resources). */
    private static Path dataFolder(Path cache) throws IOException {
        Path dir = cache.resolve("data");
        Files.createDirectories(dir);
        copy("/org/reliefchain/division/data/divisions.csv", dir.resolve("divisions.csv"));
        copy("/org/reliefchain/place/data/ports.csv", dir.resolve("ports.csv"));
        copy("/org/reliefchain/place/data/airports_heliports.csv", dir.resolve("airports_heliports.csv"));
        return dir;
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = RoadNetworks.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the application lacks " + resource);
            }
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    @PreDestroy
    synchronized void close() {
        if (network != null) {
            network.close();
        }
    }
}
