package it.pecgateway.gateway.ops;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/** A holder's mail client (Angus Mail over SMTPS with AUTH) and a look into a mailbox's INBOX in the store. */
final class PecClient {
    private final OpsFixture f;

    PecClient(OpsFixture f) {
        this.f = f;
    }

    private Session session() {
        Properties p = new Properties();
        p.put("mail.smtps.auth", "true");
        p.put("mail.smtps.ssl.socketFactory", f.trust.getSocketFactory());
        p.put("mail.smtps.ssl.checkserveridentity", "true");
        p.put("mail.smtps.timeout", "20000");
        return Session.getInstance(p);
    }

    /** Sends a certified message; the server's reply, or the refusal of AUTH as "AUTH refused: ...". */
    String send(String from, String password, String to, String subject) throws MessagingException {
        Session s = session();
        MimeMessage m = new MimeMessage(s);
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, to);
        m.setSubject(subject, "UTF-8");
        m.setText("Gentile destinatario,\nla comunicazione.\n", "UTF-8");
        int port = f.gateway.transport().ports(it.pecgateway.gateway.smtp.SmtpRole.SUBMISSION).get(0);
        try (SMTPTransport t = (SMTPTransport) s.getTransport("smtps")) {
            try {
                t.connect("localhost", port, from, password);
            } catch (AuthenticationFailedException e) {
                return "AUTH refused: " + e.getMessage();
            }
            t.sendMessage(m, m.getAllRecipients());
            return t.getLastServerResponse().trim();
        }
    }

    /**
     * Logs in over IMAPS and opens INBOX in the given mode: "read-write", "read-only" (the server's SELECT said
     * [READ-ONLY], so a read-write open is refused), or "login refused".
     */
    String imapOpen(String address, String password, int mode) throws MessagingException {
        return OpenMailSessions.imapOpen(f.gateway, f.trust, address, password, mode);
    }

    /** The INBOX messages of a mailbox, as text. */
    List<String> inbox(String address) throws IOException {
        var store = f.gateway.store();
        long id = store.accounts().find(address).orElseThrow().id();
        long folder = store.folders().find(id, "INBOX").orElseThrow().id();
        List<String> out = new ArrayList<>();
        for (var info : store.messages().list(folder, 1, Long.MAX_VALUE)) {
            try (InputStream in = store.blobs().open(info.body())) {
                out.add(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    /** Waits until some INBOX message of the mailbox matches. */
    String awaitInbox(String address, Predicate<String> wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (String m : inbox(address)) {
                if (wanted.test(m)) {
                    return m;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("nothing wanted in the INBOX of " + address + ": " + inbox(address).size() + " messages");
    }
}
