package it.pecgateway.gateway;

import it.pecgateway.access.AccessExecutors;
import it.pecgateway.access.AccessMetrics;
import it.pecgateway.access.AccessServer;
import it.pecgateway.access.AccessSettings;
import it.pecgateway.access.TlsMaterial;
import it.pecgateway.access.imap.ImapServer;
import it.pecgateway.access.pop3.Pop3Server;
import it.pecgateway.certs.TlsIdentity;
import it.pecgateway.config.GatewayConfig;
import it.pecgateway.config.ImapPop3Config;
import it.pecgateway.config.ListenerConfig;
import it.pecgateway.mailstore.MailStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Mailbox access as a {@link Service}: IMAPS (993), IMAP with STARTTLS (143, only when enabled) and POP3S (995),
 * over one bounded pool for their store work. The access module knows nothing of the configuration file: its
 * limits come from {@code imap-pop3}.
 */
public final class AccessService implements Service {
    /** Store threads shared by every IMAP and POP3 session; commands beyond the queue are answered "busy". */
    private static final int STORE_THREADS = 16;
    private static final int STORE_QUEUE = 10_000;

    private record Listener(String name, String protocol, ListenerConfig config, AccessServer server) {
    }

    private final List<Listener> listeners = new ArrayList<>();
    private final List<InetSocketAddress> bound = new ArrayList<>();
    private final ExecutorService storePool = AccessExecutors.bounded(STORE_THREADS, STORE_QUEUE);

    public AccessService(GatewayConfig config, TlsIdentity tlsIdentity, MailStore store, AccessMetrics metrics, Clock clock) {
        AccessSettings settings = settings(config.imapPop3(), spool(config.dataDir()));
        TlsMaterial tls = new TlsMaterial(tlsIdentity.privateKey(), tlsIdentity.chain());
        ListenerConfig imaps = config.listeners().imaps();
        ListenerConfig imap = config.listeners().imap();
        ListenerConfig pop3s = config.listeners().pop3s();
        if (imaps.enabled()) {
            listeners.add(new Listener("imaps", "IMAP", imaps, new ImapServer(imaps, tls, store, settings, storePool, metrics, clock)));
        }
        if (imap.enabled()) {
            listeners.add(new Listener("imap", "IMAP", imap, new ImapServer(imap, tls, store, settings, storePool, metrics, clock)));
        }
        if (pop3s.enabled()) {
            listeners.add(new Listener("pop3s", "POP3", pop3s, new Pop3Server(pop3s, tls, store, settings, storePool, metrics, clock)));
        }
    }

    static AccessSettings settings(ImapPop3Config c, Path spool) {
        return new AccessSettings(c.maxLineLength(), c.maxLiteralBytes(), c.maxConnectionsPerUser(),
                c.maxConnectionsPerAddress(), c.imapIdleTimeout(), c.pop3IdleTimeout(), c.loginDelayBase(),
                c.loginDelayMax(), 0, spool);
    }

    private static Path spool(Path dataDir) {
        try {
            return Files.createDirectories(dataDir.resolve("spool").resolve("access"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the IMAP literal spool directory", e);
        }
    }

    @Override
    public void start() {
        for (Listener l : listeners) {
            bound.add(l.server().start());
        }
    }

    /** The address a listener really bound ({@code imaps}, {@code imap} or {@code pop3s}); empty when not served. */
    public Optional<InetSocketAddress> address(String name) {
        for (int i = 0; i < bound.size(); i++) {
            if (listeners.get(i).name().equals(name)) {
                return Optional.of(bound.get(i));
            }
        }
        return Optional.empty();
    }

    /** The names of the listeners that should accept connections but do not. */
    public List<String> notListening() {
        return listeners.stream().filter(l -> !l.server().listening()).map(Listener::name).toList();
    }

    @Override
    public String description() {
        if (listeners.isEmpty()) {
            return "mail access: no IMAP or POP3 listener enabled";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < listeners.size(); i++) {
            Listener l = listeners.get(i);
            int port = i < bound.size() ? bound.get(i).getPort() : l.config().port();
            parts.add(l.name() + " " + l.config().address() + ":" + port + " (" + l.protocol() + ", TLS: "
                    + l.config().tls().yamlName() + ")");
        }
        return parts.stream().collect(Collectors.joining(", ", "mail access: ", ""));
    }

    @Override
    public void stop(Duration grace) {
        listeners.forEach(l -> l.server().stop());
        storePool.shutdown();
        try {
            if (!storePool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                storePool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            storePool.shutdownNow();
        }
    }
}
