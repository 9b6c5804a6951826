package org.reliefchain.web.it;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The war the build produced (not a hand-picked subset), plus a configuration of higher ordinal that
 * points it at a fresh test database in demo mode (so the demo accounts exist).
 */
final class Deployments {

    private static final java.util.Map<String, TestDatabase.Coordinates> DATABASES = new java.util.concurrent.ConcurrentHashMap<>();

    private Deployments() {
    }

    /** The database of the deployment named {@code name}, for tests that look under the API (append-only tables). */
    static TestDatabase.Coordinates database(String name) {
        return DATABASES.get(name);
    }

    static WebArchive product(String name) {
        try {
            TestDatabase.Coordinates db = TestDatabase.freshDatabase(name);
            DATABASES.put(name, db);
            File war = new File(System.getProperty("reliefchain.war", "target/reliefchain.war"));
            WebArchive archive = ShrinkWrap.createFromZipFile(WebArchive.class, war);
            String config = "config_ordinal=500\n"
                    + "db.url=" + db.url() + "\n"
                    + "db.user=" + db.user() + "\n"
                    + "db.password=" + db.password() + "\n"
                    + "reliefchain.demo=true\n"
                    // One road graph for all test deployments of a build (built once, reloaded after).
                    + "reliefchain.roads.cache=" + new File("target/road-cache").getAbsolutePath() + "\n";
            return ShrinkWrap.create(WebArchive.class, "reliefchain.war").merge(archive)
                    .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare the deployment", e);
        }
    }
}
