package it.pecgateway.gateway;

import it.pecgateway.certs.KeyMaterial;
import it.pecgateway.certs.KeyMaterials;
import it.pecgateway.config.GatewayConfig;
import it.pecgateway.config.ListenerConfig;
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
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final KeyMaterial keys;
    private HttpService http;
    private TransportService transport;
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
        gateway.logListenersNotServedYet(config);
        log.info("PEC gateway ready in {} ms", (System.nanoTime() - begin) / 1_000_000);
        return gateway;
    }

    private List<Service> services(GatewayConfig config, Clock clock) {
        List<Service> services = new ArrayList<>();
        store = MailStores.open(config.storage(), clock);
        services.add(new StoreService(store, config.storage(), config.provider().domains()));
        health.register("store", () -> store.accounts().hostsDomain(config.provider().domains().get(0)));
        operations = Operations.of(config, store, clock, PublicUrl.of(config, () -> httpPort().orElse(0)));
        services.add(new AdminSocketService(config.dataDir(), new MailboxAdministration(operations)));
        transport = new TransportService(config, keys, store, OutboundTrust.of(keys.trustAnchors(), config.dataDir()), clock);
        services.add(transport);
        services.add(new LifecycleJob(operations.sweep(), config.operations().lifecycle().checkInterval()));
        if (config.listeners().http().enabled()) {
            HttpRoutes routes = OperationsRoutes.register(Endpoints.operational(health, metrics), operations,
                    new ClientSettings(config, name -> boundPort(config, name)));
            http = new HttpService(config.listeners().http(), keys.tls(), routes);
            services.add(http);
        }
        return services;
    }

    /** Listeners configured for protocols this build does not serve yet: said once, so nobody waits on a dead port. */
    private void logListenersNotServedYet(GatewayConfig config) {
        Map<String, ListenerConfig> pending = new LinkedHashMap<>();
        pending.put("imaps", config.listeners().imaps());
        pending.put("imap", config.listeners().imap());
        pending.put("pop3s", config.listeners().pop3s());
        List<String> lines = pending.entrySet().stream().filter(e -> e.getValue().enabled())
                .map(e -> e.getKey() + " " + e.getValue().address() + ":" + e.getValue().port() + " (TLS: " + e.getValue().tls().yamlName() + ")")
                .toList();
        if (!lines.isEmpty()) {
            log.warn("configured but not served by this build yet: {}", String.join(", ", lines));
        }
    }

    /**
     * The port a listener really bound (port 0 in tests), for the client settings given to people: the submission
     * listeners come from the transport in configuration order (smtps, submission); the others are not known here.
     */
    private OptionalInt boundPort(GatewayConfig config, String listener) {
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
