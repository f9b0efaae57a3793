package io.outageradar.producers.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;

/** Binds the processes' HTTP servers, with one way of saying that a port cannot be had. */
public final class Listening {
  private Listening() {}

  /**
   * A server on {@code port} of every interface (0 for any free one); a port in use or not allowed
   * is a {@link BindException} naming the server and the setting or flag that chose the port (null
   * when none), which the command line turns into a one-line error.
   */
  public static HttpServer on(int port, String server, String setting) throws IOException {
    try {
      return HttpServer.create(new InetSocketAddress(port), 0);
    } catch (BindException e) {
      throw new BindException(
          server
              + " port "
              + port
              + (setting == null ? "" : " (" + setting + ")")
              + " is already in use or not allowed ("
              + e.getMessage()
              + ")");
    }
  }
}
