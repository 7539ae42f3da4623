package it.pecgateway.gateway.ops;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import it.pecgateway.certs.PemFiles;
import it.pecgateway.config.ConfigLoader;
import it.pecgateway.gateway.Gateway;
import it.pecgateway.gateway.ops.api.ApiClient;
import it.pecgateway.gateway.TestTls;
import it.pecgateway.mailstore.MutableClock;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * A gateway started in-process for the operations tests: two hosted PEC domains, port-0 listeners, HTTP with
 * HTTPS and plain HTTP on one port, GreenMail as the holders' ordinary mail provider ({@code example.org}, by a
 * static route), an SMS spool directory, and a clock the test moves.
 */
public final class OpsFixture implements AutoCloseable {
    public static final String DOMAIN = "pec.localhost";
    public static final String OTHER = "pec.other.localhost";
    public static final String TAX_CODE = "RSSMRA85T10A562S";
    static final Pattern LINK = Pattern.compile("https://\\S+/panel/#(activate|reset)=(pgl_[A-Za-z0-9_-]+)");
    static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    public final Path dir;
    public final MutableClock clock = new MutableClock(java.time.Instant.now());
    public final GreenMail internet;
    public final Gateway gateway;
    public final X509Certificate ca;
    public final SSLContext trust;
    public final ApiClient https;
    public final ApiClient plain;

    private OpsFixture(Path dir) throws Exception {
        this.dir = dir;
        this.internet = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        internet.start();
        Files.createDirectories(dir.resolve("sms-out"));
        Path config = Files.writeString(dir.resolve("pec-gateway.yaml"), """
                provider: {name: PEC gateway (test), domains: [%s, %s], service-address: posta-certificata@%s}
                data-dir: data
                listeners:
                  smtps: {address: 127.0.0.1, port: 0}
                  submission: {address: 127.0.0.1, port: 0}
                  mx: {address: 127.0.0.1, port: 0}
                  imaps: {address: 127.0.0.1, port: 0}
                  pop3s: {address: 127.0.0.1, port: 0}
                  http: {address: 127.0.0.1, port: 0, tls: starttls-optional}
                relay:
                  static-routes: {example.org: {host: 127.0.0.1, port: %d}}
                  retry-delays: [200ms]
                operations:
                  sms: {enabled: true, outgoing-dir: sms-out, temp-dir: sms-tmp}
                """.formatted(DOMAIN, OTHER, DOMAIN, internet.getSmtp().getPort()));
        this.gateway = Gateway.start(ConfigLoader.load(config), clock);
        this.ca = PemFiles.readCertificates(dir.resolve("data/pki/ca.pem")).get(0);
        this.trust = TestTls.trusting(ca);
        int port = gateway.httpPort().orElseThrow();
        this.https = new ApiClient(trust, "https://localhost:" + port);
        this.plain = new ApiClient(trust, "http://127.0.0.1:" + port);
    }

    public static OpsFixture start(Path dir) throws Exception {
        return new OpsFixture(dir);
    }

    public Operations ops() {
        return gateway.operations();
    }

    /** An operator's API token. */
    public String operatorToken(String name) {
        return ops().tokens().create(Actor.Operator.LOCAL, name, Optional.empty(), Optional.empty());
    }

    public String postmasterToken(String name, String domain) {
        return ops().tokens().create(Actor.Operator.LOCAL, name, Optional.of(domain), Optional.empty());
    }

    /** An inactive mailbox with its holder, created as an organisation would ask (an activation link goes out). */
    public void member(String address, String recoveryEmail) {
        ops().provisioning().create(Actor.Operator.LOCAL, new NewMember(address, Optional.of(TAX_CODE), Optional.of(recoveryEmail),
                Optional.of("+393331234567"), Optional.empty(), Optional.empty()), Optional.empty(), true);
    }

    /** An active mailbox with a password and a holder. */
    public void activeMember(String address, String recoveryEmail, String password) {
        member(address, recoveryEmail);
        ops().passwords().setByOperator(Actor.Operator.LOCAL, address, password.toCharArray());
    }

    /** The texts (decoded bodies) of every message GreenMail received for this address, oldest first. */
    public List<String> mailTo(String address) throws Exception {
        List<String> texts = new ArrayList<>();
        for (MimeMessage m : internet.getReceivedMessages()) {
            for (var r : m.getAllRecipients()) {
                if (r.toString().equalsIgnoreCase(address)) {
                    texts.add(m.getSubject() + "\n" + m.getContent());
                }
            }
        }
        return texts;
    }

    /** Waits for the {@code n}th message to this address (1 = first) and gives its text. */
    public String awaitMail(String address, int n) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> texts = mailTo(address);
            if (texts.size() >= n) {
                return texts.get(n - 1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no message #" + n + " for " + address + " within 20 s");
    }

    /** The token of the link in a message. */
    public static String linkToken(String text) {
        Matcher m = LINK.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no link in: " + text);
        }
        return m.group(2);
    }

    public static String link(String text) {
        Matcher m = LINK.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no link in: " + text);
        }
        return m.group();
    }

    public static String code(String text) {
        Matcher m = CODE.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no code in: " + text);
        }
        return m.group(1);
    }

    public Path smsSpool() {
        return dir.resolve("sms-out");
    }

    @Override
    public void close() {
        gateway.close();
        internet.stop();
    }
}
