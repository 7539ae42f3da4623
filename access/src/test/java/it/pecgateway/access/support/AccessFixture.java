package it.pecgateway.access.support;

import it.pecgateway.access.AccessCounters;
import it.pecgateway.access.AccessExecutors;
import it.pecgateway.access.AccessSettings;
import it.pecgateway.access.imap.ImapServer;
import it.pecgateway.access.pop3.Pop3Server;
import it.pecgateway.config.ListenerConfig;
import it.pecgateway.config.TlsMode;
import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.Folder;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailboxState;
import it.pecgateway.mailstore.Messages;
import it.pecgateway.mailstore.NewMailbox;
import it.pecgateway.mailstore.PasswordHasher;
import it.pecgateway.mailstore.sqlite.SqliteMailStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The real SQLite store in a temporary directory with IMAPS and POP3S servers on 127.0.0.1 port 0.
 * Password hashing is made cheap so that tests log in quickly; everything else is as in production.
 */
public final class AccessFixture implements AutoCloseable {
    public static final String DOMAIN = "pec.example.it";
    public static final String PASSWORD = "s3cret-Passw0rd";

    public final Path dir;
    public final TestPki pki;
    public final MailStore store;
    public final AccessCounters metrics = new AccessCounters();
    public final AccessSettings settings;
    private final ExecutorService executor;
    private ImapServer imap;
    private Pop3Server pop3;
    private ImapServer imapStartTls;
    public InetSocketAddress imapAddress;
    public InetSocketAddress pop3Address;
    public InetSocketAddress imapStartTlsAddress;

    private static AccessFixture shared;

    public AccessFixture() {
        this(s -> s);
    }

    /**
     * The one fixture with default settings that test classes share: its store and servers start once per test
     * JVM instead of once per class, and close when the JVM ends. Classes using it give their mailboxes names of
     * their own and measure counters as differences.
     */
    public static synchronized AccessFixture shared() {
        if (shared == null) {
            shared = new AccessFixture().start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "access-fixture-close"));
        }
        return shared;
    }

    public AccessFixture(UnaryOperator<AccessSettings> tune) {
        try {
            dir = Files.createTempDirectory("access-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pki = TestPki.create();
        store = SqliteMailStore.open(dir.resolve("store"), Clock.systemUTC(), new PasswordHasher(64, 1, 1));
        store.accounts().addDomain(DOMAIN);
        settings = tune.apply(AccessSettings.defaults(dir.resolve("spool"))
                .withLoginDelay(Duration.ofMillis(50), Duration.ofMillis(400)));
        executor = AccessExecutors.bounded(8, 1000);
    }

    public AccessFixture start() {
        ListenerConfig implicit = new ListenerConfig(true, "127.0.0.1", 0, TlsMode.IMPLICIT);
        imap = new ImapServer(implicit, pki.serverMaterial(), store, settings, executor, metrics);
        imapAddress = imap.start();
        pop3 = new Pop3Server(implicit, pki.serverMaterial(), store, settings, executor, metrics);
        pop3Address = pop3.start();
        imapStartTls = new ImapServer(new ListenerConfig(true, "127.0.0.1", 0, TlsMode.STARTTLS_REQUIRED),
                pki.serverMaterial(), store, settings, executor, metrics);
        imapStartTlsAddress = imapStartTls.start();
        return this;
    }

    public Mailbox mailbox(String local) {
        return mailbox(local, MailboxState.ACTIVE);
    }

    public Mailbox mailbox(String local, MailboxState state) {
        return store.accounts().createMailbox(new NewMailbox(local + "@" + DOMAIN,
                Optional.of(PASSWORD.toCharArray()), state, Optional.empty(), 0));
    }

    public Folder inbox(Mailbox m) {
        return store.folders().find(m.id(), "INBOX").orElseThrow();
    }

    /** Delivers a message as the gateway's delivery point would. */
    public Messages.Appended deliver(Mailbox m, String message) {
        return deliver(m, message.getBytes(StandardCharsets.UTF_8));
    }

    public Messages.Appended deliver(Mailbox m, byte[] message) {
        return store.messages().append(inbox(m).id(), BodySource.of(message), Set.of(), Instant.now());
    }

    public ImapClient imap() {
        return ImapClient.connect(imapAddress, pki.clientContext());
    }

    public ImapClient imapLoggedIn(Mailbox m) {
        ImapClient c = imap();
        c.ok("a0 LOGIN " + m.address() + " " + PASSWORD);
        return c;
    }

    public LineClient pop3() {
        return LineClient.tls(pop3Address, pki.clientContext());
    }

    /** A POP3 session past USER and PASS, in the TRANSACTION state. */
    public LineClient pop3LoggedIn(Mailbox m) {
        LineClient c = pop3();
        String greeting = c.line();
        if (!"+OK PEC gateway POP3 ready".equals(greeting)) {
            throw new AssertionError("unexpected POP3 greeting: " + greeting);
        }
        c.send("USER " + m.address());
        expect(c.line(), "+OK");
        c.send("PASS " + PASSWORD);
        expect(c.line(), "+OK Logged in");
        return c;
    }

    private static void expect(String line, String start) {
        if (line == null || !line.startsWith(start)) {
            throw new AssertionError("expected " + start + " but got " + line);
        }
    }

    public static String message(String subject, String body) {
        return "From: Mario Rossi <mario.rossi@pec.example.it>\r\n"
                + "To: Anna Bianchi <anna@pec.example.it>\r\n"
                + "Subject: " + subject + "\r\n"
                + "Date: Tue, 4 Mar 2025 10:15:00 +0100\r\n"
                + "Message-ID: <" + subject.hashCode() + "@pec.example.it>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "\r\n"
                + body + "\r\n";
    }

    @Override
    public void close() {
        if (imap != null) {
            imap.stop();
        }
        if (imapStartTls != null) {
            imapStartTls.stop();
        }
        if (pop3 != null) {
            pop3.stop();
        }
        executor.shutdownNow();
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temporary directory
        }
    }
}
