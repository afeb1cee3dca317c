package ch.moveacces.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  /**
   * A port taken from the kernel's ephemeral range can be handed, between the probe and the
   * server's bind, to any outgoing connection of the machine: under load that lost the race.
   */
  @RepeatedTest(20)
  void findsPortsBelowTheEphemeralRangeThatOutgoingConnectionsUse() {
    assertThat(FreePorts.find()).isBetween(FreePorts.LOWEST, FreePorts.HIGHEST);
  }

  @Test
  void neverOffersAPortSomeoneListensOn() throws IOException {
    Set<ServerSocket> taken = new HashSet<>();
    try {
      for (int i = 0; i < 50; i++) {
        int port = FreePorts.find();
        taken.add(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
      }
      assertThat(taken).hasSize(50);
    } finally {
      for (ServerSocket socket : taken) {
        socket.close();
      }
    }
  }
}
