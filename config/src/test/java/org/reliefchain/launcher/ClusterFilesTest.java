package org.reliefchain.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterFilesTest {

    @TempDir
    Path home;

    private ClusterFiles files() {
        return new ClusterFiles(Settings.from(Map.of("PORT", "9000", "CLUSTER_PORT", "7000",
                "RELIEFCHAIN_HOME", home.toString()), "--instances", "3"));
    }

    @Test
    void each_instance_names_every_member_on_loopback_and_discovers_no_one_else() throws Exception {
        String xml = Files.readString(files().hazelcast(2));
        assertThat(xml).contains("<cluster-name>reliefchain</cluster-name>",
                "<member>127.0.0.1:7000</member>", "<member>127.0.0.1:7001</member>", "<member>127.0.0.1:7002</member>",
                "<port auto-increment=\"false\">7001</port>", "<interface>127.0.0.1</interface>",
                "<multicast enabled=\"false\"/>", "<auto-detection enabled=\"false\"/>",
                "hazelcast.socket.bind.any\">false", "hazelcast.phone.home.enabled\">false",
                "reliefchain.instance\">reliefchain-2<", "reliefchain.http\">127.0.0.1:9002<",
                "<map name=\"reliefchain.sign-in-throttle\">", "<time-to-live-seconds>3600</time-to-live-seconds>");
    }

    @Test
    void the_balancer_listens_on_the_port_keeps_each_browser_with_its_instance_and_checks_readiness() throws Exception {
        String cfg = Files.readString(files().haproxy());
        assertThat(cfg).contains("bind :9000", "balance roundrobin", "cookie RCNODE insert", "option httpchk GET /resources/css/app.css",
                "server reliefchain-1 127.0.0.1:9001 check cookie reliefchain-1",
                "server reliefchain-3 127.0.0.1:9003 check cookie reliefchain-3",
                "http-request del-header Upgrade", "http-request disable-l7-retry if !METH_GET",
                "http-request set-header X-Forwarded-For %[src]").doesNotContain("option forwardfor");
    }

    @Test
    void an_instance_keeps_the_products_pre_boot_commands_and_listens_on_loopback() throws Exception {
        Path product = Files.writeString(home.resolve("pre-boot.asadmin"), "set a.b=c\n");
        String commands = Files.readString(files().preBoot(1, product));
        assertThat(commands).startsWith("set a.b=c\n").contains("http-listener.address=127.0.0.1",
                "web-container-availability.availability-enabled=true");
    }

    @Test
    void the_ports_it_needs_are_the_balancers_each_instances_and_each_grid_members() {
        assertThat(files().ports()).containsExactlyInAnyOrder(9000, 9001, 7000, 9002, 7001, 9003, 7002);
    }
}
