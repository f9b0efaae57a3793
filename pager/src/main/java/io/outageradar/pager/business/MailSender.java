package io.outageradar.pager.business;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/**
 * Sends a notice as a plain-text email over SMTP (STARTTLS required when asked, login when a user
 * is set). Its Message-ID is made of the notice's dedup key and action, so a notice sent again
 * after a crash is the same message to the receiving mail system.
 */
public final class MailSender {
  /** Where and as whom to send. */
  public record Smtp(
      String host, int port, String from, String user, String password, boolean startTls) {}

  private final Smtp smtp;
  private final Session session;

  public MailSender(Smtp smtp) {
    this.smtp = smtp;
    Properties props = new Properties();
    props.put("mail.smtp.host", smtp.host());
    props.put("mail.smtp.port", Integer.toString(smtp.port()));
    props.put("mail.smtp.connectiontimeout", "10000");
    props.put("mail.smtp.timeout", "20000");
    props.put("mail.smtp.writetimeout", "20000");
    if (smtp.startTls()) {
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", "true");
    }
    Authenticator login = null;
    if (smtp.user() != null && !smtp.user().isEmpty()) {
      props.put("mail.smtp.auth", "true");
      login =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(smtp.user(), smtp.password());
            }
          };
    }
    this.session = Session.getInstance(props, login);
  }

  /** Sends {@code text} to {@code address}; {@code messageId} without the angle brackets. */
  public void send(String address, NoticeText text, String messageId) throws MessagingException {
    MimeMessage message =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + messageId + ">");
          }
        };
    message.setFrom(new InternetAddress(smtp.from()));
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(address, true));
    message.setSubject(text.subject(), "UTF-8");
    message.setText(text.body(), "UTF-8");
    message.setHeader("Content-Language", text.language());
    Transport.send(message);
  }
}
