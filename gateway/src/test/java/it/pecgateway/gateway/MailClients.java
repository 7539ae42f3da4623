package it.pecgateway.gateway;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.security.cert.X509Certificate;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail, the way a Java mail client talks to the gateway: SMTPS submission, IMAPS and POP3S reading, over
 * TLS trusting only the gateway's CA and checking its host name.
 */
public final class MailClients {
    private final SSLContext tls;

    public MailClients(X509Certificate ca) throws Exception {
        this.tls = TestTls.trusting(ca);
    }

    private Session session(String protocol) {
        Properties p = new Properties();
        p.put("mail." + protocol + ".ssl.socketFactory", tls.getSocketFactory());
        p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        p.put("mail." + protocol + ".auth", "true");
        p.put("mail." + protocol + ".peek", "true");
        p.put("mail." + protocol + ".connectiontimeout", "10000");
        p.put("mail." + protocol + ".timeout", "20000");
        return Session.getInstance(p);
    }

    /** A plain text message from {@code from} to {@code to}. */
    public MimeMessage message(String from, String to, String subject, String text) throws Exception {
        MimeMessage m = new MimeMessage(session("smtps"));
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject);
        m.setText(text);
        return m;
    }

    /** Submits over implicit TLS with AUTH; returns the server's last reply (250 2.0.0 with the identificativo). */
    public String submit(int port, String user, String password, MimeMessage message) throws Exception {
        try (SMTPTransport t = (SMTPTransport) session("smtps").getTransport("smtps")) {
            t.connect("localhost", port, user, password);
            t.sendMessage(message, message.getAllRecipients());
            return t.getLastServerResponse();
        }
    }

    /**
     * The raw bytes of message number {@code number} of INBOX as the server sends them ({@code BODY.PEEK[]} over
     * IMAPS, {@code RETR} over POP3S).
     *
     * @param protocol {@code imaps} or {@code pop3s}
     */
    public byte[] fetch(String protocol, int port, String user, String password, int number) throws Exception {
        Store store = session(protocol).getStore(protocol);
        store.connect("localhost", port, user, password);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                inbox.getMessage(number).writeTo(out);
                return out.toByteArray();
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }
}
