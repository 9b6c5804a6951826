package org.reliefchain.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

/** Listening sockets found from /proc, and addresses as the kernel's socket tables write them. */
class ListeningSocketsTest {

    @Test
    void addresses_are_read_word_by_word_in_the_machine_s_order() throws Exception {
        assertThat(ListeningSockets.address("0100007F").getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(ListeningSockets.address("0100007F").isLoopbackAddress()).isTrue();
        assertThat(ListeningSockets.address("00000000").isAnyLocalAddress()).isTrue();
        assertThat(ListeningSockets.address("0202000A").getHostAddress()).isEqualTo("10.0.2.2");
        // ::ffff:127.0.0.1 (an IPv4 loopback socket in the IPv6 table) and ::1
        assertThat(ListeningSockets.address("0000000000000000FFFF00000100007F").isLoopbackAddress()).isTrue();
        assertThat(ListeningSockets.address("00000000000000000000000001000000").isLoopbackAddress()).isTrue();
        assertThat(ListeningSockets.address("00000000000000000000000000000000").isAnyLocalAddress()).isTrue();
    }

    @Test
    void a_socket_this_process_listens_on_is_found_with_its_address_and_port() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(ListeningSockets.of(ProcessHandle.current().pid()))
                    .contains(new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort()));
        }
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = closed.getLocalPort();
            closed.close();
            assertThat(ListeningSockets.of(ProcessHandle.current().pid())).noneMatch(a -> a.getPort() == port);
        }
    }
}
