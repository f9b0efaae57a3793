package io.outageradar.producers.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;

/** Binds the processes' HTTP servers, with one way of saying that a port cannot be had. */
public final class Listening {
  /** The JDK server's switch for TCP_NODELAY on the connections it accepts. */
  static final String NO_DELAY = "sun.net.httpserver.nodelay";

  static {
    // The JDK server writes a response's headers and its body apart. Without TCP_NODELAY the body
    // waits for the client to acknowledge the headers, which a client delays by up to 40 ms: every
    // registration with the embedded registry took 40 ms (the demo's stream thread waited 0.9 s on
    // 25 of them). The intake, health and query servers run on the same server and get the switch
    // too. The JDK reads it once, when its first server starts; an operator's own value stands.
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
  }

  private Listening() {}

  /**
   * A server on {@code port} of every interface (0 for any free one); a port in use or not allowed
   * is a {@link BindException} naming the server and the setting or flag that chose the port (null
   * when none), which the command line turns into a one-line error.
   */
  public static HttpServer on(int port, String server, String setting) throws IOException {
    return bind(new InetSocketAddress(port), server, setting);
  }

  /** As {@link #on}, on the loopback interface only: for this machine's own processes. */
  public static HttpServer onLoopback(int port, String server) throws IOException {
    return bind(new InetSocketAddress("127.0.0.1", port), server, null);
  }

  private static HttpServer bind(InetSocketAddress address, String server, String setting)
      throws IOException {
    try {
      return HttpServer.create(address, 0);
    } catch (BindException e) {
      throw new BindException(
          server
              + " port "
              + address.getPort()
              + (setting == null ? "" : " (" + setting + ")")
              + " is already in use or not allowed ("
              + e.getMessage()
              + ")");
    }
  }
}
