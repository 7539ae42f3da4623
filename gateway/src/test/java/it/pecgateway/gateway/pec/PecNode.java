package it.pecgateway.gateway.pec;

import it.pecgateway.certs.KeyMaterial;
import it.pecgateway.certs.KeyMaterials;
import it.pecgateway.config.AntivirusConfig;
import it.pecgateway.config.GatewayConfig;
import it.pecgateway.config.KeyMaterialConfig;
import it.pecgateway.config.LimitsConfig;
import it.pecgateway.config.ListenerConfig;
import it.pecgateway.config.ListenersConfig;
import it.pecgateway.config.ProviderConfig;
import it.pecgateway.config.ProvidersIndexConfig;
import it.pecgateway.config.RelayConfig;
import it.pecgateway.config.StorageConfig;
import it.pecgateway.config.TimersConfig;
import it.pecgateway.config.TlsMode;
import it.pecgateway.gateway.GatewayMetrics;
import it.pecgateway.gateway.TestConfigs;
import it.pecgateway.gateway.relay.MxResolver;
import it.pecgateway.gateway.smtp.SmtpRole;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailStores;
import it.pecgateway.mailstore.MailboxState;
import it.pecgateway.mailstore.MessageInfo;
import it.pecgateway.mailstore.NewMailbox;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * One provider's gateway for end-to-end tests: its own data directory, development PKI and SQLite store, the
 * certified transport on port-0 listeners (the MX port picked free first, so that the peer's static route can
 * name it), a providers index file, and outbound TLS that trusts the given CAs.
 */
final class PecNode implements AutoCloseable {
    final String domain;
    final Path dataDir;
    final GatewayConfig config;
    final KeyMaterial keys;
    final MailStore store;
    /** The node's meters, as the gateway would export them. */
    final GatewayMetrics metrics = new GatewayMetrics();
    final int mxPort;
    TransportService transport;

    PecNode(String name, String domain, Map<String, RelayConfig.Route> routes, TimersConfig timers, int mxPort) throws Exception {
        this(name, domain, routes, timers, mxPort, new AntivirusConfig(false, "127.0.0.1", 3310, Duration.ofSeconds(5)));
    }

    PecNode(String name, String domain, Map<String, RelayConfig.Route> routes, TimersConfig timers, int mxPort,
            AntivirusConfig antivirus) throws Exception {
        this(Files.createTempDirectory("node-" + name), name, domain, routes, timers, mxPort, antivirus);
    }

    /** A node in a given data directory: a restart finds its PKI, store and queue there. */
    PecNode(Path dataDir, String name, String domain, Map<String, RelayConfig.Route> routes, TimersConfig timers, int mxPort,
            AntivirusConfig antivirus) throws Exception {
        this(dataDir, name, domain, routes, timers, mxPort, antivirus, Duration.ofHours(24));
    }

    /** @param maxQueueAge how long the queue tries before it gives up (24 h in production; seconds in tests of expiry) */
    PecNode(String name, String domain, Map<String, RelayConfig.Route> routes, TimersConfig timers, int mxPort,
            Duration maxQueueAge) throws Exception {
        this(Files.createTempDirectory("node-" + name), name, domain, routes, timers, mxPort,
                new AntivirusConfig(false, "127.0.0.1", 3310, Duration.ofSeconds(5)), maxQueueAge);
    }

    private PecNode(Path dataDir, String name, String domain, Map<String, RelayConfig.Route> routes, TimersConfig timers,
                    int mxPort, AntivirusConfig antivirus, Duration maxQueueAge) throws Exception {
        this.domain = domain;
        this.dataDir = dataDir;
        this.mxPort = mxPort;
        ListenerConfig off = new ListenerConfig(false, "127.0.0.1", 0, TlsMode.IMPLICIT);
        this.config = new GatewayConfig(
                new ProviderConfig("Gestore " + name, "posta-certificata@" + domain, List.of(domain), List.of("localhost")),
                dataDir,
                new ListenersConfig(new ListenerConfig(true, "127.0.0.1", 0, TlsMode.IMPLICIT),
                        new ListenerConfig(true, "127.0.0.1", 0, TlsMode.STARTTLS_REQUIRED),
                        new ListenerConfig(true, "127.0.0.1", mxPort, TlsMode.STARTTLS_OPTIONAL), off, off, off, off),
                new StorageConfig(StorageConfig.Kind.EMBEDDED, dataDir.resolve("store"), Optional.empty(), Optional.empty(),
                        Optional.empty(), 2, new StorageConfig.Retention(Duration.ofDays(30), Duration.ofDays(30))),
                new LimitsConfig(10L << 20, 30L << 20, 50, 1000),
                new KeyMaterialConfig(Optional.empty(), Optional.empty()),
                new ProvidersIndexConfig(Optional.of(dataDir.resolve("index.ldif")), Duration.ofMillis(200)),
                timers,
                new RelayConfig(routes, List.of(Duration.ofMillis(300), Duration.ofSeconds(1)), maxQueueAge, 4,
                        Duration.ofSeconds(1), Duration.ofSeconds(2)),
                antivirus,
                TestConfigs.defaults().smtp(),
                TestConfigs.defaults().imapPop3(),
                TestConfigs.defaults().operations());
        this.keys = KeyMaterials.load(config, Clock.systemUTC());
        Files.createDirectories(dataDir.resolve("store"));
        this.store = MailStores.open(config.storage(), Clock.systemUTC());
        if (!store.accounts().hostsDomain(domain)) {
            store.accounts().addDomain(domain);
        }
    }

    static TimersConfig defaultTimers() {
        return new TimersConfig(Duration.ofHours(12), Duration.ofHours(24), Duration.ofSeconds(1));
    }

    /** Starts the transport; {@code trusted} are the CAs of the peers this node relays to. */
    void start(List<X509Certificate> trusted) throws Exception {
        List<X509Certificate> all = new ArrayList<>(trusted);
        all.addAll(keys.trustAnchors());
        transport = new TransportService(config, keys, store, trusting(all), unresolvable(), Clock.systemUTC(),
                metrics.meters().transport());
        transport.start();
    }

    void stop() {
        if (transport != null) {
            transport.stop(Duration.ofSeconds(1));
            transport = null;
        }
    }

    void mailbox(String address, String password) {
        if (store.accounts().find(address).isPresent()) {
            return;
        }
        store.accounts().createMailbox(new NewMailbox(address, Optional.of(password.toCharArray()), MailboxState.ACTIVE,
                Optional.empty(), 0));
    }

    int smtps() {
        return transport.ports(SmtpRole.SUBMISSION).get(0);
    }

    X509Certificate ca() {
        return keys.trustAnchors().get(keys.trustAnchors().size() - 1);
    }

    /** Every message of a folder, oldest first. */
    List<byte[]> folder(String address, String folder) throws IOException {
        long mailbox = store.accounts().find(address).orElseThrow().id();
        var f = store.folders().find(mailbox, folder);
        if (f.isEmpty()) {
            return List.of();
        }
        List<byte[]> out = new ArrayList<>();
        for (MessageInfo m : store.messages().list(f.get().id(), 1, Long.MAX_VALUE)) {
            try (InputStream in = store.blobs().open(m.body())) {
                out.add(in.readAllBytes());
            }
        }
        return out;
    }

    List<byte[]> inbox(String address) throws IOException {
        return folder(address, "INBOX");
    }

    static SSLContext trusting(List<X509Certificate> cas) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (int i = 0; i < cas.size(); i++) {
            trust.setCertificateEntry("ca" + i, cas.get(i));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    /** No DNS in tests: every route is static; anything else is a temporary DNS failure. */
    private static MxResolver unresolvable() {
        return new MxResolver() {
            @Override
            public List<MxRecord> mx(String domain) throws DnsException {
                throw new DnsException("no DNS in tests", false, null);
            }

            @Override
            public boolean hasAddress(String host) {
                return false;
            }
        };
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        stop();
        store.close();
        metrics.close();
    }
}
