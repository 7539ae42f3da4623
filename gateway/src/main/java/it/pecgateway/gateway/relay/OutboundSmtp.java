package it.pecgateway.gateway.relay;

import it.pecgateway.config.RelayConfig;
import it.pecgateway.mailstore.BodySource;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbound SMTP client (Angus Mail, one transport per attempt). To PEC providers STARTTLS is required and the
 * peer's certificate and host name are checked against {@code pecTrust}; ordinary domains get opportunistic TLS
 * (RFC 7435: encrypt when offered, accept any certificate, never fall back from a failed handshake to nothing
 * within the same attempt). Replies map to outcomes: 2xx delivered, 5xx permanent, everything else temporary.
 */
public final class OutboundSmtp {
    private static final Logger log = LoggerFactory.getLogger(OutboundSmtp.class);

    public enum Security { REQUIRE_VERIFIED_TLS, OPPORTUNISTIC_TLS }

    private final Session pecSession;
    private final Session ordinarySession;

    /**
     * @param heloName our host name for EHLO
     * @param pecTrust client context whose trust managers judge PEC peers (JDK default trust in production,
     *                 the peer's development CA in tests)
     */
    public OutboundSmtp(String heloName, RelayConfig relay, SSLContext pecTrust) {
        this.pecSession = Session.getInstance(properties(heloName, relay, pecTrust, true));
        this.ordinarySession = Session.getInstance(properties(heloName, relay, InsecureTls.context(), false));
    }

    private static Properties properties(String heloName, RelayConfig relay, SSLContext tls, boolean required) {
        Properties p = new Properties();
        p.put("mail.smtp.localhost", heloName);
        p.put("mail.smtp.connectiontimeout", String.valueOf(relay.connectTimeout().toMillis()));
        p.put("mail.smtp.timeout", String.valueOf(relay.readTimeout().toMillis()));
        p.put("mail.smtp.writetimeout", String.valueOf(relay.readTimeout().toMillis()));
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", String.valueOf(required));
        p.put("mail.smtp.ssl.socketFactory", tls.getSocketFactory());
        p.put("mail.smtp.ssl.checkserveridentity", String.valueOf(required));
        p.put("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
        p.put("mail.smtp.quitwait", "false");
        p.put("mail.smtp.reportsuccess", "false");
        return p;
    }

    /** Tries the hops in order until one answers; a reply (positive or not) from a hop ends the attempt. */
    public DeliveryAttempt send(List<NextHop> hops, Security security, String sender, String recipient, BodySource body) {
        if (hops.isEmpty()) {
            return DeliveryAttempt.temporary("no next hop");
        }
        Address[] to;
        try {
            to = new Address[] {new InternetAddress(recipient, true)};
        } catch (AddressException e) {
            return DeliveryAttempt.permanent("invalid recipient address");
        }
        DeliveryAttempt last = DeliveryAttempt.temporary("not tried");
        for (NextHop hop : hops) {
            last = sendOnce(hop, security, sender, to, body);
            if (!last.detail().startsWith("connect:")) {
                return last;
            }
        }
        return last;
    }

    private DeliveryAttempt sendOnce(NextHop hop, Security security, String sender, Address[] to, BodySource body) {
        Session session = security == Security.REQUIRE_VERIFIED_TLS ? pecSession : ordinarySession;
        SMTPTransport transport = null;
        try {
            boolean eightBit = RawMessage.hasEightBit(body);
            RawMessage message = new RawMessage(session, body, sender.isEmpty() ? "<>" : sender, eightBit);
            transport = (SMTPTransport) session.getTransport("smtp");
            try {
                transport.connect(hop.host(), hop.port(), null, null);
            } catch (MessagingException e) {
                return DeliveryAttempt.temporary("connect: " + hop + ": " + describe(e));
            }
            if (eightBit && !transport.supportsExtension("8BITMIME")) {
                // RFC 6152: no 8-bit data (nor BODY=8BITMIME) to a server that does not offer it; converting to
                // 7 bit would rewrite signed bytes (digest 9.8), so the only remaining answer is a refusal
                return DeliveryAttempt.permanent(hop + ": the message has 8-bit bytes and the server does not offer 8BITMIME");
            }
            transport.sendMessage(message, to);
            return DeliveryAttempt.delivered(lastReply(transport));
        } catch (SMTPAddressFailedException e) {
            return byCode(e.getReturnCode(), e.getMessage());
        } catch (SMTPSendFailedException e) {
            return byCode(e.getReturnCode(), e.getMessage());
        } catch (SendFailedException e) {
            Exception next = e.getNextException();
            if (next instanceof SMTPAddressFailedException af) {
                return byCode(af.getReturnCode(), af.getMessage());
            }
            return DeliveryAttempt.temporary(hop + ": " + describe(e));
        } catch (MessagingException | IOException e) {
            return DeliveryAttempt.temporary(hop + ": " + describe(e));
        } finally {
            close(transport);
        }
    }

    private static DeliveryAttempt byCode(int code, String reply) {
        String line = reply == null ? String.valueOf(code) : reply.trim();
        if (code >= 500) {
            return DeliveryAttempt.permanent(line);
        }
        return DeliveryAttempt.temporary(line);
    }

    private static String lastReply(SMTPTransport transport) {
        String reply = transport.getLastServerResponse();
        return reply == null ? "250" : reply.trim();
    }

    /** A short, safe description: the class of failure and the peer's words, never a stack trace. */
    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return "TLS failed: " + t.getClass().getSimpleName();
            }
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }

    private static void close(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            log.debug("closing the outbound SMTP connection failed", e);
        }
    }
}
