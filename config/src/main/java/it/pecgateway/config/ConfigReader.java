package it.pecgateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns the YAML tree into the records, applying the defaults (the one place where they are written) and
 * checking each value on its own. Relative paths are resolved against {@code baseDir}.
 */
final class ConfigReader {
    static final long MIB = 1L << 20;

    private final Path baseDir;
    private final Function<Object, Path> path;

    ConfigReader(Path baseDir) {
        this.baseDir = baseDir;
        this.path = YamlValues.path(baseDir);
    }

    GatewayConfig read(YamlNode root) {
        ProviderConfig provider = provider(root.child("provider"));
        Path dataDir = root.get("data-dir", baseDir.resolve("data").normalize(), path);
        GatewayConfig config = new GatewayConfig(
                provider,
                dataDir,
                listeners(root.child("listeners")),
                storage(root.child("storage"), dataDir),
                limits(root.child("limits")),
                new KeysReader(path).read(root.child("keys")),
                providersIndex(root.child("providers-index")),
                timers(root.child("timers")),
                relay(root.child("relay")),
                antivirus(root.child("antivirus")),
                SessionLimitsReader.smtp(root.child("smtp")),
                SessionLimitsReader.imapPop3(root.child("imap-pop3")),
                new OperationsReader(path).read(root.child("operations"), dataDir));
        root.finish();
        return config;
    }

    private ProviderConfig provider(YamlNode n) {
        String name = n.required("name", "the provider name, as in the providers index and the signing certificate",
                YamlValues::text).orElse("");
        List<String> domains = n.required("domains", "the PEC domains hosted here (a list)",
                raw -> nonEmpty(YamlValues.list(raw, YamlValues::domain))).orElse(List.of());
        String serviceAddress = n.get("service-address",
                "posta-certificata@" + (domains.isEmpty() ? "invalid" : domains.get(0)), YamlValues::address);
        List<String> hostnames = n.get("hostnames", List.of("localhost"),
                raw -> nonEmpty(YamlValues.list(raw, YamlValues::domain)));
        return new ProviderConfig(name, serviceAddress, domains, hostnames);
    }

    private ListenersConfig listeners(YamlNode n) {
        return new ListenersConfig(
                listener(n.child("smtps"), true, 465, TlsMode.IMPLICIT),
                listener(n.child("submission"), true, 587, TlsMode.STARTTLS_REQUIRED),
                listener(n.child("mx"), true, 25, TlsMode.STARTTLS_OPTIONAL),
                listener(n.child("imaps"), true, 993, TlsMode.IMPLICIT),
                listener(n.child("imap"), false, 143, TlsMode.STARTTLS_REQUIRED),
                listener(n.child("pop3s"), true, 995, TlsMode.IMPLICIT),
                listener(n.child("http"), true, 8443, TlsMode.IMPLICIT));
    }

    private ListenerConfig listener(YamlNode n, boolean enabled, int port, TlsMode tls) {
        return new ListenerConfig(
                n.get("enabled", enabled, YamlValues::bool),
                n.get("address", "0.0.0.0", YamlValues::bindAddress),
                n.get("port", port, YamlValues::port),
                n.get("tls", tls, YamlValues::tlsMode));
    }

    private StorageConfig storage(YamlNode n, Path dataDir) {
        StorageConfig.Kind kind = n.get("kind", StorageConfig.Kind.EMBEDDED, raw -> switch (YamlValues.text(raw)) {
            case "embedded" -> StorageConfig.Kind.EMBEDDED;
            case "postgresql" -> StorageConfig.Kind.POSTGRESQL;
            default -> throw new IllegalArgumentException(YamlValues.describe(raw) + " is not a storage kind (embedded, postgresql)");
        });
        return new StorageConfig(kind,
                n.get("embedded-path", dataDir.resolve("store"), path),
                n.optional("postgres-url", YamlValues::text),
                n.optional("postgres-user", YamlValues::text),
                n.optional("postgres-password-file", path),
                n.get("pool-size", 10, raw -> YamlValues.integer(raw, 1, 1000)),
                retention(n.child("retention")));
    }

    private static StorageConfig.Retention retention(YamlNode n) {
        return new StorageConfig.Retention(
                n.get("queue", Duration.ofDays(30), YamlValues::duration),
                n.get("claims", Duration.ofDays(30), raw -> atLeast(YamlValues.duration(raw), StorageConfig.Retention.MIN_CLAIMS,
                        "a peer may still resend within its 24 h PEC timers")));
    }

    private static Duration atLeast(Duration d, Duration min, String why) {
        if (d.compareTo(min) < 0) {
            throw new IllegalArgumentException(d + " is shorter than " + min + ": " + why);
        }
        return d;
    }

    private LimitsConfig limits(YamlNode n) {
        return new LimitsConfig(
                n.get("max-message-bytes", 30 * MIB, YamlValues::size),
                n.get("max-size-times-recipients", 100 * MIB, YamlValues::size),
                n.get("max-recipients", 500, raw -> YamlValues.integer(raw, 1, 100_000)),
                n.get("max-line-length", 1000, raw -> YamlValues.integer(raw, 1000, 1 << 20)));
    }

    private ProvidersIndexConfig providersIndex(YamlNode n) {
        return new ProvidersIndexConfig(
                n.optional("ldif", path),
                n.get("reload-interval", Duration.ofHours(1), YamlValues::duration));
    }

    private TimersConfig timers(YamlNode n) {
        return new TimersConfig(
                n.get("warning-after", Duration.ofHours(12), YamlValues::duration),
                n.get("final-after", Duration.ofHours(24), YamlValues::duration),
                n.get("scan-interval", Duration.ofMinutes(1), YamlValues::duration));
    }

    private RelayConfig relay(YamlNode n) {
        Map<String, RelayConfig.Route> routes = new LinkedHashMap<>();
        YamlNode routesNode = n.child("static-routes");
        for (String domain : routesNode.keys()) {
            YamlNode route = routesNode.child(domain);
            try {
                YamlValues.domain(domain);
            } catch (IllegalArgumentException e) {
                n.problems().add(routesNode.pathOf(domain), e.getMessage());
            }
            Optional<String> host = route.required("host", "the next hop's host name or address", YamlValues::bindAddress);
            int port = route.get("port", 25, YamlValues::port);
            host.ifPresent(h -> routes.put(domain.toLowerCase(java.util.Locale.ROOT), new RelayConfig.Route(h, port)));
        }
        return new RelayConfig(routes,
                n.get("retry-delays", List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
                        Duration.ofMinutes(30), Duration.ofHours(1)), raw -> nonEmpty(YamlValues.list(raw, YamlValues::duration))),
                n.get("max-queue-age", Duration.ofHours(24), YamlValues::duration),
                n.get("workers", 4, raw -> YamlValues.integer(raw, 1, 256)),
                n.get("connect-timeout", Duration.ofSeconds(30), YamlValues::duration),
                n.get("read-timeout", Duration.ofMinutes(5), YamlValues::duration));
    }

    private AntivirusConfig antivirus(YamlNode n) {
        return new AntivirusConfig(
                n.get("enabled", false, YamlValues::bool),
                n.get("host", "127.0.0.1", YamlValues::bindAddress),
                n.get("port", 3310, YamlValues::port),
                n.get("timeout", Duration.ofSeconds(30), YamlValues::duration));
    }

    private static <T> List<T> nonEmpty(List<T> list) {
        if (list.isEmpty()) {
            throw new IllegalArgumentException("the list is empty");
        }
        return list;
    }
}
