package it.pecgateway.gateway;

import it.pecgateway.certs.KeyMaterial;
import it.pecgateway.certs.KeyMaterials;
import it.pecgateway.config.GatewayConfig;
import it.pecgateway.gateway.admin.AdminSocketService;
import it.pecgateway.gateway.admin.MailboxAdministration;
import it.pecgateway.gateway.http.Endpoints;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailStores;
import it.pecgateway.gateway.http.HttpRoutes;
import it.pecgateway.gateway.http.HttpService;
import it.pecgateway.gateway.ops.LifecycleJob;
import it.pecgateway.gateway.ops.Operations;
import it.pecgateway.gateway.ops.api.OperationsRoutes;
import it.pecgateway.gateway.ops.PublicUrl;
import it.pecgateway.gateway.ops.autoconfig.ClientSettings;
import it.pecgateway.gateway.smtp.SmtpRole;
import it.pecgateway.gateway.pec.OutboundTrust;
import it.pecgateway.gateway.pec.TransportService;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the one place where the parts of a running gateway are made (plain constructors) and put
 * in start order. Services are stopped in reverse order, so the store, made first, is closed last.
 */
public final class Gateway implements AutoCloseable {
    /** How long in-flight work may take to finish at shutdown before it is cut. */
    public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(Gateway.class);

    private final Lifecycle lifecycle = new Lifecycle(SHUTDOWN_GRACE);
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final Health health = new Health();
    private final Readiness readiness = new Readiness();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final KeyMaterial keys;
    private HttpService http;
    private TransportService transport;
    private AccessService access;
    private MailStore store;
    private Operations operations;

    private Gateway(KeyMaterial keys) {
        this.keys = keys;
    }

    /** Makes and starts everything; when it returns the gateway is ready. */
    public static Gateway start(GatewayConfig config, Clock clock) throws Exception {
        long begin = System.nanoTime();
        log.info("PEC gateway starting: provider '{}', service address {}, PEC domains {}",
                config.provider().name(), config.provider().serviceAddress(), config.provider().domains());
        log.info("data directory {}", config.dataDir());
        Files.createDirectories(config.dataDir());
        KeyMaterial keys = KeyMaterials.load(config, clock);
        log.info("CA certificate SHA-256 fingerprint {}{}", colonHex(keys.caFingerprint()),
                keys.devPkiDir().map(d -> " (development CA: " + d.resolve("ca.pem") + ", or run `pec-gateway pki export-ca`)").orElse(""));
        Gateway gateway = new Gateway(keys);
        try {
            gateway.lifecycle.startAll(gateway.services(config, clock));
        } catch (Exception e) {
            gateway.close();
            throw e;
        }
        log.info("PEC gateway ready in {} ms", (System.nanoTime() - begin) / 1_000_000);
        return gateway;
    }

    private List<Service> services(GatewayConfig config, Clock clock) {
        List<Service> services = new ArrayList<>();
        store = metrics.meters().timed(MailStores.open(config.storage(), clock));
        metrics.meters().watch(store.queue());
        services.add(new StoreService(store, config.storage(), config.provider().domains()));
        health.register("deadlocks", () -> ManagementFactory.getThreadMXBean().findDeadlockedThreads() == null);
        readiness.register("store", ReadinessChecks.store(store, config.provider().domains().get(0)));
        readiness.register("key-material", ReadinessChecks.keyMaterial(keys, clock));
        readiness.register("stopping", () -> stopped.get() ? Optional.of("the gateway is stopping") : Optional.empty());
        operations = Operations.of(config, store, clock, PublicUrl.of(config, () -> httpPort().orElse(0)));
        services.add(new AdminSocketService(config.dataDir(), new MailboxAdministration(operations)));
        transport = new TransportService(config, keys, store, OutboundTrust.of(keys.trustAnchors(), config.dataDir()), clock,
                metrics.meters().transport());
        services.add(transport);
        access = new AccessService(config, keys.tls(), store, metrics.meters().access(), clock);
        services.add(access);
        services.add(new LifecycleJob(operations.sweep(), config.operations().lifecycle().checkInterval()));
        readiness.register("listeners", ReadinessChecks.listeners(transport::notListening, access::notListening));
        readiness.register("providers-index", transport::indexProblem);
        if (config.listeners().http().enabled()) {
            HttpRoutes routes = OperationsRoutes.register(Endpoints.operational(health, readiness, metrics), operations,
                    new ClientSettings(config, name -> boundPort(config, name)));
            http = new HttpService(config.listeners().http(), keys.tls(), routes);
            services.add(http);
        }
        return services;
    }

    /**
     * The port a listener really bound (port 0 in tests), for the client settings given to people: IMAP and POP3
     * from the access service, the submission listeners from the transport in configuration order (smtps, submission).
     */
    private OptionalInt boundPort(GatewayConfig config, String listener) {
        Optional<java.net.InetSocketAddress> mailAccess = access.address(listener);
        if (mailAccess.isPresent()) {
            return OptionalInt.of(mailAccess.get().getPort());
        }
        List<String> submission = new ArrayList<>();
        if (config.listeners().smtps().enabled()) {
            submission.add("smtps");
        }
        if (config.listeners().submission().enabled()) {
            submission.add("submission");
        }
        int index = submission.indexOf(listener);
        List<Integer> ports = transport.ports(SmtpRole.SUBMISSION);
        return index >= 0 && index < ports.size() ? OptionalInt.of(ports.get(index)) : OptionalInt.empty();
    }

    public Optional<Integer> httpPort() {
        return Optional.ofNullable(http).map(HttpService::port);
    }

    /** The certified transport (SMTP listeners, queue, timers). */
    public TransportService transport() {
        return transport;
    }

    /** IMAP and POP3 (their bound addresses, for tests and tools). */
    public AccessService access() {
        return access;
    }

    public MailStore store() {
        return store;
    }

    /** The mailbox administration and self-service layer (issue 7). */
    public Operations operations() {
        return operations;
    }

    public KeyMaterial keys() {
        return keys;
    }

    public Health health() {
        return health;
    }

    public Readiness readiness() {
        return readiness;
    }

    /** Stops accepting, lets in-flight work finish within {@link #SHUTDOWN_GRACE}, closes everything. Idempotent. */
    @Override
    public void close() {
        if (stopped.compareAndSet(false, true)) {
            log.info("PEC gateway stopping");
            lifecycle.stopAll();
            metrics.close();
            log.info("PEC gateway stopped");
        }
    }

    static String colonHex(String hex) {
        return String.join(":", hex.split("(?<=\\G..)"));
    }
}
