package it.pecgateway.gateway.pec;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
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

    /** The decoded content of the first part (depth first) of {@code type} or named {@code fileName}, as text. */
    private static String part(String message, String type, String fileName) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
                new java.io.ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)));
        return find(m, type, fileName).orElseThrow(() -> new AssertionError("no " + type + " " + fileName + " part"));
    }

    private static java.util.Optional<String> find(jakarta.mail.Part p, String type, String fileName) throws Exception {
        if (p.isMimeType("multipart/*")) {
            jakarta.mail.Multipart mp = (jakarta.mail.Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                java.util.Optional<String> found = find(mp.getBodyPart(i), type, fileName);
                if (found.isPresent()) {
                    return found;
                }
            }
            return java.util.Optional.empty();
        }
        if ((fileName != null && fileName.equals(p.getFileName())) || (fileName == null && p.isMimeType(type))) {
            return java.util.Optional.of(p.isMimeType("text/plain") ? (String) p.getContent()
                    : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return java.util.Optional.empty();
    }

    /** The daticert.xml of a PEC message, decoded. */
    static String daticert(String message) throws Exception {
        return part(message, null, "daticert.xml");
    }

    /** The first text/plain part of a PEC message, decoded in its charset. */
    static String decodedText(String message) throws Exception {
        return part(message, "text/plain", null);
    }
}
