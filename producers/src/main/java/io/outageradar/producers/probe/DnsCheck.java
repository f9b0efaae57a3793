package io.outageradar.producers.probe;

import io.outageradar.avro.ProbeStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks one resolver for one record type of a name and says which way it failed: SERVFAIL (the
 * resolver could not get an answer from the authoritative servers, as everywhere on 4 Oct 2021),
 * NXDOMAIN or no record of the type (the name is gone), or no answer in time. The JDK resolver
 * folds all of these into one UnknownHostException, which is why this uses dnsjava.
 */
public final class DnsCheck implements Check {
  private final Name name;
  private final int type;
  private final InetSocketAddress resolver;

  /**
   * A check of {@code name}'s {@code type} records (e.g. "A", "AAAA") through {@code resolver}, or
   * the system's first resolver when null.
   */
  public DnsCheck(String name, String type, InetSocketAddress resolver) {
    try {
      this.name = Name.fromString(name, Name.root);
    } catch (TextParseException e) {
      throw new IllegalArgumentException("not a DNS name: " + name, e);
    }
    this.type = Type.value(type);
    if (this.type < 0) {
      throw new IllegalArgumentException("unknown DNS record type " + type + " for " + name);
    }
    this.resolver = resolver != null ? resolver : systemResolver();
  }

  private static InetSocketAddress systemResolver() {
    var servers = ResolverConfig.getCurrentConfig().servers();
    if (servers.isEmpty()) {
      throw new IllegalStateException(
          "no system DNS resolver configured; give the DNS check a \"resolver\"");
    }
    return servers.get(0);
  }

  @Override
  public CheckOutcome run(Duration timeout) {
    long start = System.nanoTime();
    SimpleResolver client = new SimpleResolver(resolver);
    client.setTimeout(timeout);
    Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
    Message response;
    try {
      response = client.send(query);
    } catch (IOException e) {
      if (isTimeout(e)) {
        return CheckOutcome.failed(
            ProbeStatus.TIMEOUT,
            null,
            null,
            "no answer from resolver " + address() + " within " + timeout.toMillis() + " ms");
      }
      // an unreachable resolver leaves the vantage just as unable to resolve as a SERVFAIL would
      return CheckOutcome.failed(
          ProbeStatus.DNS_SERVFAIL,
          TcpCheck.elapsedMs(start),
          null,
          "resolver " + address() + " unreachable: " + e.getMessage());
    }
    long latency = TcpCheck.elapsedMs(start);
    int rcode = response.getRcode();
    if (rcode == Rcode.NXDOMAIN) {
      return CheckOutcome.failed(ProbeStatus.DNS_NXDOMAIN, latency, null, "NXDOMAIN for " + name);
    }
    if (rcode != Rcode.NOERROR) {
      return CheckOutcome.failed(
          ProbeStatus.DNS_SERVFAIL, latency, null, Rcode.string(rcode) + " for " + name);
    }
    List<String> answers =
        response.getSection(Section.ANSWER).stream()
            .filter(r -> r.getType() == type)
            .map(r -> r.rdataToString())
            .toList();
    if (answers.isEmpty()) {
      return CheckOutcome.failed(
          ProbeStatus.DNS_NXDOMAIN,
          latency,
          null,
          "no " + Type.string(type) + " record for " + name);
    }
    return CheckOutcome.ok(latency, null, null, Observation.dns(answers));
  }

  private static boolean isTimeout(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
        return true;
      }
      if (cause instanceof PortUnreachableException) {
        return false;
      }
      String message = cause.getMessage();
      if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("timed out")) {
        return true;
      }
    }
    return false;
  }

  private String address() {
    return resolver.getHostString() + ":" + resolver.getPort();
  }
}
