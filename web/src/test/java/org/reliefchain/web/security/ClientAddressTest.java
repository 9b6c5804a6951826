package org.reliefchain.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void behind_the_balancer_the_client_is_the_address_it_forwards() {
        assertThat(ClientAddress.of("127.0.0.1", "203.0.113.7")).isEqualTo("203.0.113.7");
        // a proxy that appends rather than replaces puts the address it saw last, after any the client wrote
        assertThat(ClientAddress.of("127.0.0.1", "198.51.100.1, 203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void a_forwarding_header_from_anywhere_but_loopback_is_not_believed() {
        assertThat(ClientAddress.of("203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
    }

    @Test
    void without_a_usable_header_the_connection_is_the_client() {
        assertThat(ClientAddress.of("127.0.0.1", null)).isEqualTo("127.0.0.1");
        assertThat(ClientAddress.of("127.0.0.1", " ")).isEqualTo("127.0.0.1");
        assertThat(ClientAddress.of("127.0.0.1", "x".repeat(60))).isEqualTo("127.0.0.1");
        assertThat(ClientAddress.isLoopback("::1")).isTrue();
        assertThat(ClientAddress.isLoopback("10.0.0.1")).isFalse();
    }
}
