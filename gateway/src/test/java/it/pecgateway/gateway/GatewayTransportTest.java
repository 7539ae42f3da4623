package it.pecgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.config.ConfigLoader;
import it.pecgateway.gateway.smtp.SmtpRole;
import it.pecgateway.mailstore.MailboxState;
import it.pecgateway.mailstore.NewMailbox;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composition root serves the certified transport: a message submitted on 465 is accepted and delivered. */
class GatewayTransportTest {
    @TempDir
    Path dir;

    @Test
    void theStartedGatewayAcceptsAndDeliversACertifiedMessage() throws Exception {
        Path file = Files.writeString(dir.resolve("pec-gateway.yaml"), TestConfigs.loopbackOnPortZero("starttls-optional"));
        try (Gateway gateway = Gateway.start(ConfigLoader.load(file), Clock.systemUTC())) {
            gateway.store().accounts().createMailbox(new NewMailbox("ada@pec.localhost", Optional.of("password-di-ada".toCharArray()),
                    MailboxState.ACTIVE, Optional.empty(), 0));
            int port = gateway.transport().ports(SmtpRole.SUBMISSION).get(0);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", gateway.keys().trustAnchors().get(0));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            Properties p = new Properties();
            p.put("mail.smtps.auth", "true");
            p.put("mail.smtps.ssl.socketFactory", tls.getSocketFactory());
            p.put("mail.smtps.ssl.checkserveridentity", "true");
            Session session = Session.getInstance(p);
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress("ada@pec.localhost"));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress("ada@pec.localhost"));
            m.setSubject("A me stessa");
            m.setText("prova");

            String reply;
            try (SMTPTransport t = (SMTPTransport) session.getTransport("smtps")) {
                t.connect("localhost", port, "ada@pec.localhost", "password-di-ada");
                t.sendMessage(m, m.getAllRecipients());
                reply = t.getLastServerResponse();
            }

            assertThat(reply).startsWith("250 2.0.0 opec.");
            long mailbox = gateway.store().accounts().find("ada@pec.localhost").orElseThrow().id();
            long inbox = gateway.store().folders().find(mailbox, "INBOX").orElseThrow().id();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (gateway.store().folders().status(inbox).messages() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(gateway.store().folders().status(inbox).messages()).as("acceptance, envelope, delivery receipt").isEqualTo(3);
        }
    }
}
