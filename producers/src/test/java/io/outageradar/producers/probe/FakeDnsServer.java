package io.outageradar.producers.probe;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * A UDP DNS responder on a loopback port: answers each name the way it was told (an A record,
 * SERVFAIL, NXDOMAIN, an empty NOERROR) or not at all.
 */
final class FakeDnsServer implements AutoCloseable {
  enum Answer {
    ADDRESS,
    SERVFAIL,
    NXDOMAIN,
    NO_RECORDS,
    SILENCE
  }

  private final DatagramSocket socket;
  private final Map<String, Answer> answers;
  private final Thread loop;

  FakeDnsServer(Map<String, Answer> answers) throws IOException {
    this.answers = answers;
    this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.loop = new Thread(this::serve, "fake-dns");
    loop.setDaemon(true);
    loop.start();
  }

  InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  private void serve() {
    byte[] buffer = new byte[512];
    while (!socket.isClosed()) {
      try {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
        Record question = query.getQuestion();
        Answer answer = answers.getOrDefault(question.getName().toString(true), Answer.NXDOMAIN);
        if (answer == Answer.SILENCE) {
          continue;
        }
        byte[] response = respond(query, question, answer).toWire();
        socket.send(new DatagramPacket(response, response.length, packet.getSocketAddress()));
      } catch (IOException e) {
        // closed, or a packet that was not DNS: keep serving until closed
      }
    }
  }

  private static Message respond(Message query, Record question, Answer answer) throws IOException {
    Message response = new Message(query.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setFlag(Flags.RD);
    response.getHeader().setFlag(Flags.RA);
    response.addRecord(question, Section.QUESTION);
    switch (answer) {
      case ADDRESS ->
          response.addRecord(
              new ARecord(question.getName(), DClass.IN, 60, InetAddress.getByName("192.0.2.10")),
              Section.ANSWER);
      case SERVFAIL -> response.getHeader().setRcode(Rcode.SERVFAIL);
      case NXDOMAIN -> response.getHeader().setRcode(Rcode.NXDOMAIN);
      default -> {} // NO_RECORDS: NOERROR with an empty answer
    }
    return response;
  }

  @Override
  public void close() {
    socket.close();
    try {
      loop.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static Name name(String text) throws IOException {
    return Name.fromString(text, Name.root);
  }
}
