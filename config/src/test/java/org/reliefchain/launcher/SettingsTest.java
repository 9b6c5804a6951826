package org.reliefchain.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void with_nothing_set_it_runs_on_8080_with_an_embedded_database_under_the_home_folder() {
        Settings s = Settings.from(Map.of());
        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.embeddedDatabase()).isTrue();
        assertThat(s.home()).isEqualTo(Path.of(System.getProperty("user.home"), ".reliefchain"));
        assertThat(s.embeddedPgPort()).isEqualTo(54329);
        assertThat(s.javaOptions()).isEqualTo("-Xmx4g");
    }

    @Test
    void a_database_url_switches_to_that_server() {
        Settings s = Settings.from(Map.of("DB_URL", "jdbc:postgresql://db:5432/relief", "DB_USER", "rc",
                "DB_PASSWORD", "pw", "RELIEFCHAIN_ADMIN_PASSWORD", "first-admin", "PORT", "9090"));
        assertThat(s.embeddedDatabase()).isFalse();
        assertThat(s.dbUser()).isEqualTo("rc");
        assertThat(s.adminPassword()).isEqualTo("first-admin");
        assertThat(s.port()).isEqualTo(9090);
    }

    @Test
    void a_port_that_is_not_a_port_is_refused_by_name() {
        assertThatThrownBy(() -> Settings.from(Map.of("PORT", "eighty"))).hasMessageContaining("PORT must be a port");
        assertThatThrownBy(() -> Settings.from(Map.of("EMBEDDED_PG_PORT", "70000")))
                .hasMessageContaining("EMBEDDED_PG_PORT");
    }

    @Test
    void instances_come_from_the_command_line_over_the_environment_and_stay_within_bounds() {
        assertThat(Settings.from(Map.of()).instances()).isEqualTo(1);
        assertThat(Settings.from(Map.of()).clustered()).isFalse();
        Settings two = Settings.from(Map.of("RELIEFCHAIN_INSTANCES", "3", "PORT", "9000"), "--instances", "2");
        assertThat(two.instances()).isEqualTo(2);
        assertThat(two.clustered()).isTrue();
        assertThat(two.instancePort(1)).isEqualTo(9001);
        assertThat(two.instancePort(2)).isEqualTo(9002);
        assertThat(two.clusterPort()).isEqualTo(6900);
        assertThat(Settings.from(Map.of("RELIEFCHAIN_INSTANCES", "3")).instances()).isEqualTo(3);
        assertThat(Settings.from(Map.of(), "--instances=4").instances()).isEqualTo(4);
        assertThatThrownBy(() -> Settings.from(Map.of(), "--instances", "0")).hasMessageContaining("1 to 16");
        assertThatThrownBy(() -> Settings.from(Map.of(), "--instances", "two")).hasMessageContaining("not 'two'");
        assertThatThrownBy(() -> Settings.from(Map.of(), "--cluster")).hasMessageContaining("unknown argument '--cluster'");
        assertThatThrownBy(() -> Settings.from(Map.of(), "--instances", "2", "--foo"))
                .hasMessageContaining("unknown argument '--foo'");
        assertThatThrownBy(() -> Settings.from(Map.of("CLUSTER_PORT", "0"))).hasMessageContaining("CLUSTER_PORT");
    }
}
