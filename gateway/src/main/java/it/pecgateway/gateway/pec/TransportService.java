package it.pecgateway.gateway.pec;

import it.pecgateway.certs.KeyMaterial;
import it.pecgateway.certs.ProvidersIndex;
import it.pecgateway.certs.ProvidersIndexLdifReloader;
import it.pecgateway.certs.ServerTls;
import it.pecgateway.config.GatewayConfig;
import it.pecgateway.config.LimitsConfig;
import it.pecgateway.config.ListenerConfig;
import it.pecgateway.gateway.Service;
import it.pecgateway.gateway.antivirus.ClamdScanner;
import it.pecgateway.gateway.antivirus.VirusScanner;
import it.pecgateway.gateway.relay.JndiMxResolver;
import it.pecgateway.gateway.relay.MxResolver;
import it.pecgateway.gateway.relay.OutboundSmtp;
import it.pecgateway.gateway.relay.RecipientClassifier;
import it.pecgateway.gateway.relay.Router;
import it.pecgateway.gateway.smtp.AuthThrottle;
import it.pecgateway.gateway.smtp.SmtpEndpoint;
import it.pecgateway.gateway.smtp.SmtpListener;
import it.pecgateway.gateway.smtp.SmtpMetrics;
import it.pecgateway.gateway.smtp.SmtpRole;
import it.pecgateway.gateway.smtp.Spool;
import it.pecgateway.gateway.smtp.SmtpTransactionHandler;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.NewMailbox;
import it.pecgateway.receipts.PecMessages;
import it.pecgateway.receipts.PecSettings;
import it.pecgateway.receipts.RandomIdGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certified transport of one node as a {@link Service}: the three SMTP listeners (465, 587, 25), the queue
 * workers, the PEC timers and the providers index reloader, over one store. Made with plain constructors; the
 * composition root passes the store, the key material and the trust used towards other providers.
 */
public final class TransportService implements Service {
    private static final Logger log = LoggerFactory.getLogger(TransportService.class);
    /**
     * What port 25 takes beyond limits.max-message-bytes: a transport envelope is the certified message plus its
     * text part, daticert.xml and signature (about 7 KB, more with many recipients), so a message a provider with
     * our limit accepted at submission must still fit at the recipient's incoming point.
     */
    static final long ENVELOPE_ALLOWANCE = 1 << 20;

    private final GatewayConfig config;
    private final MailStore store;
    private final Supplier<ProvidersIndex> index;
    private final Optional<ProvidersIndexLdifReloader> reloader;
    private final List<SmtpListener> listeners = new ArrayList<>();
    /** The configuration key of each listener, in the order of {@link #listeners}. */
    private final List<String> listenerNames = new ArrayList<>();
    private final QueueWorkers workers;
    private final PecTimers timers;
    private final SmtpMetrics smtpMetrics;
    private final ScheduledExecutorService indexScheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "providers-index");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param outboundTrust the client TLS context towards other PEC providers (their certificates are checked)
     * @param resolver      DNS for MX lookups (static routes bypass it)
     */
    public TransportService(GatewayConfig config, KeyMaterial keys, MailStore store, SSLContext outboundTrust,
                            MxResolver resolver, Clock clock, TransportMetrics metrics) {
        this.config = config;
        this.store = store;
        this.smtpMetrics = metrics.smtp();
        String service = config.provider().serviceAddress();
        this.reloader = config.providersIndex().ldif().map(file -> new ProvidersIndexLdifReloader(file, ProvidersIndex.empty()));
        Supplier<ProvidersIndex> loaded = reloader.<Supplier<ProvidersIndex>>map(r -> r).orElse(ProvidersIndex::empty);
        this.index = new IndexWithSelf(loaded, config.provider(), keys.signing());
        RecipientClassifier classifier = new RecipientClassifier(config.provider()::hostsDomain, index);
        PecMessages pec = new PecMessages(PecSettings.of(config.provider()), keys.signing(), clock,
                new RandomIdGenerator(config.provider().primaryHostname()), metrics.signing());
        PecMetrics counts = metrics.pec();
        VirusScanner scanner = config.antivirus().enabled()
                ? new ClamdScanner(config.antivirus().host(), config.antivirus().port(), config.antivirus().timeout(),
                config.limits().maxMessageBytes() + (1 << 20))
                : VirusScanner.disabled();
        ArrivalNotices notices = new ArrivalNotices(service);
        DeliveryPoint deliveryPoint = new DeliveryPoint(store, pec, classifier, notices, service);
        QueueSignal queued = new QueueSignal();
        Spool spool = spool(config);
        AccessPoint accessPoint = new AccessPoint(store, pec, classifier, scanner, config.limits(), spool, service, queued,
                counts);
        IncomingPoint incomingPoint = new IncomingPoint(index, clock, scanner,
                new IncomingEnvelopes(store, pec, deliveryPoint, classifier, service, queued, counts),
                new IncomingReceipts(store, pec, classifier, service, counts),
                new OrdinaryMail(store, pec, scanner, notices, counts), counts);
        SSLContext serverTls = ServerTls.sslContext(keys.tls());
        AuthThrottle throttle = new AuthThrottle(config.smtp().authThrottle(), clock);
        MailboxAuthenticator authenticator = new MailboxAuthenticator(store.accounts(), clock);
        addListener("smtps", config.listeners().smtps(), SmtpRole.SUBMISSION, accessPoint, serverTls, authenticator, throttle, spool, clock);
        addListener("submission", config.listeners().submission(), SmtpRole.SUBMISSION, accessPoint, serverTls, authenticator, throttle, spool, clock);
        addListener("mx", config.listeners().mx(), SmtpRole.MX, incomingPoint, serverTls, authenticator, throttle, spool, clock);
        Router router = new Router(config.relay(), resolver);
        OutboundSmtp outbound = new OutboundSmtp(config.provider().primaryHostname(), config.relay(), outboundTrust);
        LocalDeliveries local = new LocalDeliveries(store, pec, deliveryPoint, index, clock, queued, counts);
        this.workers = new QueueWorkers(store, config.relay(), router, outbound, local, clock,
                config.provider().primaryHostname() + "-" + ProcessHandle.current().pid(), Duration.ofMillis(100),
                queued, new RelayPeers(index), counts, new NonDeliveryReports(store, pec, service,
                        config.provider().primaryHostname(), config.provider()::hostsDomain, counts));
        this.timers = new PecTimers(store, pec, config.timers(), classifier, service, counts);
    }

    /** With DNS from the system resolvers. */
    public TransportService(GatewayConfig config, KeyMaterial keys, MailStore store, SSLContext outboundTrust, Clock clock,
                            TransportMetrics metrics) {
        this(config, keys, store, outboundTrust, new JndiMxResolver(config.relay().connectTimeout()), clock, metrics);
    }

    private void addListener(String name, ListenerConfig listener, SmtpRole role, SmtpTransactionHandler handler, SSLContext tls,
                             MailboxAuthenticator authenticator, AuthThrottle throttle, Spool spool, Clock clock) {
        if (!listener.enabled()) {
            return;
        }
        LimitsConfig limits = config.limits();
        if (role == SmtpRole.MX) {
            limits = new LimitsConfig(limits.maxMessageBytes() + ENVELOPE_ALLOWANCE, limits.maxSizeTimesRecipients(),
                    limits.maxRecipients(), limits.maxLineLength());
        }
        SmtpEndpoint endpoint = SmtpEndpoint.of(role, listener, config.provider().primaryHostname(), limits,
                config.provider()::hostsDomain, config.smtp());
        listenerNames.add(name);
        listeners.add(new SmtpListener(endpoint, Optional.of(tls), handler,
                role == SmtpRole.SUBMISSION ? Optional.of(authenticator) : Optional.empty(), throttle, spool, clock, smtpMetrics));
    }

    private static Spool spool(GatewayConfig config) {
        try {
            return new Spool(Files.createDirectories(config.dataDir().resolve("spool")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the spool directory", e);
        }
    }

    @Override
    public String description() {
        StringBuilder s = new StringBuilder("certified transport:");
        for (int i = 0; i < listeners.size(); i++) {
            SmtpListener l = listeners.get(i);
            s.append(i == 0 ? " " : ", ").append(listenerNames.get(i)).append(' ').append(l.address()).append(':')
                    .append(l.port()).append(" (SMTP ").append(l.role().name().toLowerCase(java.util.Locale.ROOT))
                    .append(", TLS: ").append(l.tlsMode().yamlName()).append(')');
        }
        return s.append("; ").append(config.relay().workers()).append(" queue workers").toString();
    }

    @Override
    public void start() {
        ensureServiceMailbox();
        reloader.ifPresent(r -> r.schedule(indexScheduler, config.providersIndex().reloadInterval()));
        workers.start();
        timers.start();
        for (int i = 0; i < listeners.size(); i++) {
            try {
                listeners.get(i).start();
            } catch (RuntimeException e) {
                throw new IllegalStateException(listeners.get(i).listener().cannotListen(listenerNames.get(i), e), e);
            }
        }
    }

    /** The service mailbox (mailReceipt) takes take-in-charge and virus notices and holds the virus archive. */
    private void ensureServiceMailbox() {
        String address = config.provider().serviceAddress();
        String domain = address.substring(address.indexOf('@') + 1);
        if (!store.accounts().hostsDomain(domain)) {
            store.accounts().addDomain(domain);
        }
        if (store.accounts().find(address).isEmpty()) {
            store.accounts().createMailbox(new NewMailbox(address, Optional.empty(),
                    it.pecgateway.mailstore.MailboxState.ACTIVE, Optional.empty(), 0));
            log.info("created the service mailbox {}", address);
        }
    }

    /** Bound ports by role, in configuration order (465, 587, 25): for tests and the start log. */
    public List<Integer> ports(SmtpRole role) {
        return listeners.stream().filter(l -> l.role() == role).map(SmtpListener::port).toList();
    }

    /** The configuration keys of the SMTP listeners that should accept connections but do not (readiness). */
    public List<String> notListening() {
        List<String> down = new ArrayList<>();
        for (int i = 0; i < listeners.size(); i++) {
            if (!listeners.get(i).listening()) {
                down.add(listenerNames.get(i));
            }
        }
        return down;
    }

    /** Readiness: an index file is configured but was never loaded (missing or invalid since the start). */
    public Optional<String> indexProblem() {
        return reloader.filter(r -> !r.loaded())
                .map(r -> "not loaded from " + config.providersIndex().ldif().map(Object::toString).orElse(""));
    }

    public Supplier<ProvidersIndex> index() {
        return index;
    }

    /** Runs one timer scan now (tests). */
    public void runTimersOnce() {
        timers.runOnce();
    }

    @Override
    public void stop(Duration grace) {
        listeners.forEach(SmtpListener::close);
        workers.close();
        timers.close();
        indexScheduler.shutdownNow();
    }
}
