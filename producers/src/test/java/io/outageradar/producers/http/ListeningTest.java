package io.outageradar.producers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.BindException;
import org.junit.jupiter.api.Test;

/** A port that cannot be had is one line naming the server, the port and its setting. */
class ListeningTest {
  @Test
  void aPortInUseIsNamedWithItsSetting() throws Exception {
    HttpServer first = Listening.on(0, "health", "health.port");
    int port = first.getAddress().getPort();
    try {
      assertThatThrownBy(() -> Listening.on(port, "health", "health.port"))
          .isInstanceOf(BindException.class)
          .hasMessageStartingWith(
              "health port " + port + " (health.port) is already in use or not allowed (")
          .hasMessageNotContaining("\n");
    } finally {
      first.stop(0);
    }
  }

  @Test
  void serversAnswerWithoutWaitingForTheClientsAcknowledgement() throws Exception {
    HttpServer server = Listening.onLoopback(0, "registry");
    try {
      assertThat(System.getProperty(Listening.NO_DELAY)).isEqualTo("true");
      assertThat(server.getAddress().getAddress().isLoopbackAddress()).isTrue();
    } finally {
      server.stop(0);
    }
  }
}
