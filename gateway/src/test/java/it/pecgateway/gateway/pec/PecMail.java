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
}
