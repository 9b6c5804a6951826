package org.reliefchain.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a cluster of {@code --instances N} runs on, written into {@code RELIEFCHAIN_HOME/cluster} at every start:
 * each instance's data-grid configuration (Hazelcast: loopback only, its members named, nothing discovered,
 * no phone-home), each instance's pre-boot commands (the product's, plus its HTTP listener on loopback: only
 * the balancer is reached from outside) and the balancer's configuration (HAProxy on {@code PORT}, sticky
 * sessions, health checks on a static file of the application).
 */
final class ClusterFiles {

    /** The Hazelcast cluster name: instances of another product on the same ports do not join. */
    static final String CLUSTER_NAME = "reliefchain";

    private final Settings settings;
    private final Path folder;

    ClusterFiles(Settings settings) {
        this.settings = settings;
        this.folder = settings.home().resolve("cluster");
    }

    /** The name of instance {@code i}: in the logs, in {@code GET /api/cluster}, in the balancer's cookie. */
    static String instanceName(int i) {
        return "reliefchain-" + i;
    }

    int gridPort(int i) {
        return settings.clusterPort() + i - 1;
    }

    /** The ports the cluster needs, checked before it starts (a busy one fails that instance late and obscurely). */
    List<Integer> ports() {
        List<Integer> ports = new ArrayList<>();
        ports.add(settings.port());
        for (int i = 1; i <= settings.instances(); i++) {
            ports.add(settings.instancePort(i));
            ports.add(gridPort(i));
        }
        return ports;
    }

    Path hazelcast(int i) throws IOException {
        StringBuilder members = new StringBuilder();
        for (int m = 1; m <= settings.instances(); m++) {
            members.append("                <member>127.0.0.1:").append(gridPort(m)).append("</member>\n");
        }
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by the launcher for instance %2$d of %3$d; rewritten at every start. -->
                <hazelcast xmlns="http://www.hazelcast.com/schema/config">
                    <cluster-name>%1$s</cluster-name>
                    <properties>
                        <property name="hazelcast.socket.bind.any">false</property>
                        <property name="hazelcast.phone.home.enabled">false</property>
                    </properties>
                    <member-attributes>
                        <attribute name="reliefchain.instance">%4$s</attribute>
                        <attribute name="reliefchain.http">127.0.0.1:%5$d</attribute>
                    </member-attributes>
                    <!-- the sign-in throttle: failures are forgotten an hour after the last (SignInThrottle) -->
                    <map name="reliefchain.sign-in-throttle">
                        <time-to-live-seconds>3600</time-to-live-seconds>
                    </map>
                    <network>
                        <port auto-increment="false">%6$d</port>
                        <join>
                            <auto-detection enabled="false"/>
                            <multicast enabled="false"/>
                            <tcp-ip enabled="true">
                %7$s            </tcp-ip>
                        </join>
                        <interfaces enabled="true">
                            <interface>127.0.0.1</interface>
                        </interfaces>
                    </network>
                </hazelcast>
                """.formatted(CLUSTER_NAME, i, settings.instances(), instanceName(i), settings.instancePort(i),
                gridPort(i), members);
        return write("hazelcast-" + i + ".xml", xml);
    }

    /** The product's pre-boot commands, the HTTP listener on loopback, and sessions kept in the data grid. */
    Path preBoot(int i, Path productPreBoot) throws IOException {
        String commands = Files.readString(productPreBoot, StandardCharsets.UTF_8)
                + "\n# Written by the launcher: in a cluster only the balancer listens beyond loopback.\n"
                + "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address"
                + "=127.0.0.1\n"
                + "# Sessions in the data grid, with a backup on another instance (the product's file keeps them in memory).\n"
                + "set configs.config.server-config.availability-service.web-container-availability.availability-enabled"
                + "=true\n";
        return write("pre-boot-" + i + ".asadmin", commands);
    }

    /**
     * HAProxy in front: round robin for new visitors, then each browser stays with its instance (a cookie naming
     * it) so that a page's requests meet the view state they made; when that instance is down its sessions go to
     * another, which finds them in the data grid. Instances are asked for a static file every second: one that
     * fails twice gets no more requests, and a read cut off by a dying instance is sent to another.
     */
    Path haproxy() throws IOException {
        StringBuilder servers = new StringBuilder();
        for (int i = 1; i <= settings.instances(); i++) {
            servers.append("    server ").append(instanceName(i)).append(" 127.0.0.1:").append(settings.instancePort(i))
                    .append(" check cookie ").append(instanceName(i)).append('\n');
        }
        String cfg = """
                # Written by the launcher at every start (config/src/main/java/.../ClusterFiles.java).
                global
                    maxconn 4096

                defaults
                    mode http
                    # a report or an import may take minutes; a connection to a dead instance is given up at once
                    timeout connect 2s
                    timeout client 10m
                    timeout server 10m
                    timeout http-request 30s
                    retries 2
                    option redispatch

                frontend reliefchain
                    bind :%1$d
                    # No HTTP/2 upgrade (h2c, which Java's HTTP client asks for): an upgraded connection is a
                    # tunnel to one instance, past the balancing, the cookie and the failover.
                    http-request del-header Upgrade if { req.hdr(Upgrade) -m sub -i h2c }
                    http-request del-header HTTP2-Settings
                    # The client's address as HAProxy saw it, replacing whatever the client sent in this header:
                    # the sign-in throttle counts per address.
                    http-request set-header X-Forwarded-For %%[src]
                    default_backend instances

                backend instances
                    balance roundrobin
                    # A read cut off by a dying instance is asked again of another; a change is not (it may have
                    # been made): its client sees 502 and sends it again, with its idempotency key where it has one.
                    retry-on conn-failure empty-response response-timeout
                    http-request disable-l7-retry if !METH_GET
                    cookie RCNODE insert indirect nocache httponly
                    # a static file of the application: served only when it deployed, without the database (so that
                    # during an outage the instances stay in and answer 503 problem+json themselves) and without a
                    # session (a page would open one per check)
                    option httpchk GET /resources/css/app.css
                    http-check expect status 200
                    default-server inter 1s fall 2 rise 2
                %2$s""".formatted(settings.port(), servers);
        return write("haproxy.cfg", cfg);
    }

    private Path write(String name, String text) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
