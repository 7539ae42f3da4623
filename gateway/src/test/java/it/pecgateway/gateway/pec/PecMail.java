package it.pecgateway.gateway.pec;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/** A user's mail client in tests: Angus Mail over SMTPS (465) with AUTH, trusting the node's CA. */
final class PecMail {
    private PecMail() {
    }

    static Session session(int port, SSLContext trust) {
        Properties p = new Properties();
        p.put("mail.smtps.host", "localhost");
        p.put("mail.smtps.port", String.valueOf(port));
        p.put("mail.smtps.auth", "true");
        p.put("mail.smtps.ssl.socketFactory", trust.getSocketFactory());
        p.put("mail.smtps.ssl.checkserveridentity", "true");
        p.put("mail.smtps.timeout", "20000");
        return Session.getInstance(p);
    }

    static MimeMessage message(Session s, String from, String to, String cc, String subject) throws MessagingException {
        MimeMessage m = new MimeMessage(s);
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, to);
        if (cc != null) {
            m.setRecipients(Message.RecipientType.CC, cc);
        }
        m.setSubject(subject, "UTF-8");
        m.setText("Gentile destinatario,\nin allegato la comunicazione.\n", "UTF-8");
        return m;
    }

    /** Sends and returns the server's last reply (250 2.0.0 identificativo). */
    static String send(Session s, int port, String user, String password, MimeMessage m) throws MessagingException {
        try (SMTPTransport t = (SMTPTransport) s.getTransport("smtps")) {
            t.connect("localhost", port, user, password);
            t.sendMessage(m, m.getAllRecipients());
            return t.getLastServerResponse().trim();
        }
    }

    static String text(byte[] message) {
        return new String(message, StandardCharsets.ISO_8859_1);
    }

    /** The first leaf part (depth first) that {@code wanted} accepts. */
    private static Optional<Part> find(byte[] message, Predicate<Part> wanted)
            throws Exception {
        return find(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(message)), wanted);
    }

    private static Optional<Part> find(Part p, Predicate<Part> wanted)
            throws Exception {
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                Optional<Part> found = find(mp.getBodyPart(i), wanted);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        return wanted.test(p) ? Optional.of(p) : Optional.empty();
    }

    /** The decoded bytes of the attachment named {@code fileName}, if the message has one. */
    static Optional<byte[]> attachment(byte[] message, String fileName) throws Exception {
        Optional<Part> part = find(message, p -> {
            try {
                return fileName.equals(p.getFileName());
            } catch (MessagingException e) {
                return false;
            }
        });
        return part.isPresent() ? Optional.of(part.get().getInputStream().readAllBytes()) : Optional.empty();
    }

    /** The daticert.xml of a PEC message, decoded. */
    static String daticert(String message) throws Exception {
        return new String(attachment(message.getBytes(StandardCharsets.ISO_8859_1), "daticert.xml")
                .orElseThrow(() -> new AssertionError("no daticert.xml")), StandardCharsets.UTF_8);
    }

    /** The first text/plain part of a PEC message, decoded in its charset. */
    static String decodedText(String message) throws Exception {
        Part text = find(message.getBytes(StandardCharsets.ISO_8859_1), p -> {
            try {
                return p.isMimeType("text/plain");
            } catch (MessagingException e) {
                return false;
            }
        }).orElseThrow(() -> new AssertionError("no text/plain part"));
        return (String) text.getContent();
    }
}
