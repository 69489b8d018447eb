package dev.vantage.server.notify;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.Date;
import java.util.Properties;

/**
 * Sends plain-text mail through the operator's SMTP relay ({@code --smtp host:port}), with
 * Jakarta Mail (Eclipse Angus): STARTTLS when the relay offers it, bounded connect and read times.
 */
public final class Mailer {
    private final Session session;
    private final String from;

    public Mailer(String host, int port, String from) {
        Properties p = new Properties();
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", String.valueOf(port));
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "20000");
        p.put("mail.smtp.writetimeout", "20000");
        p.put("mail.smtp.localhost", "vantage.invalid");
        this.session = Session.getInstance(p);
        this.from = from;
    }

    public void send(String to, String subject, String body) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        m.setSubject(subject, "UTF-8");
        m.setSentDate(new Date());
        m.setText(body, "UTF-8");
        m.setHeader("Auto-Submitted", "auto-generated");
        Transport.send(m);
    }
}
