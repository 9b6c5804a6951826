package org.reliefchain.planner.road;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.reliefchain.planner.scenario.ZhejiangData;

/**
 * The province's road network, built on first use: the synthetic OSM file from the division data,
 * then GraphHopper's graph from it, both kept in {@code cacheDir} under a name made from the data's
 * hash, so changed data rebuild them and unchanged data are reloaded in seconds. To plan on real
 * roads instead, load a clipped OSM extract with {@link RoadNetwork#load} (planner/README.md).
 */
public final class ProvinceRoads {

    private ProvinceRoads() {
    }

    public record Loaded(RoadNetwork network, Path osmFile) {
        /** What the network file holds: read from the file when asked (it takes a second), not at every load. */
        public SyntheticRoadGenerator.Stats stats() throws IOException {
            return SyntheticRoadGenerator.stats(osmFile);
        }
    }

    public static Loaded load(Path dataDir, Path cacheDir) throws IOException {
        String version = hash(dataDir.resolve("divisions.csv")).substring(0, 12);
        Path osm = cacheDir.resolve("zhejiang-synthetic-" + version + ".osm.gz");
        if (!Files.exists(osm)) {
            Path partial = cacheDir.resolve(osm.getFileName() + ".partial");
            SyntheticRoadGenerator.write(ZhejiangData.read(dataDir), partial);
            Files.move(partial, osm, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return new Loaded(RoadNetwork.load(osm, cacheDir.resolve("graph-" + version)), osm);
    }

    private static String hash(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            MessageDigest digest = ((DigestInputStream) in).getMessageDigest();
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
