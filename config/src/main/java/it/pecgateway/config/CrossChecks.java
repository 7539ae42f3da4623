package it.pecgateway.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The checks that involve more than one value, run on the records once every value could be read. */
final class CrossChecks {
    /** Listeners where passwords travel: never in clear (house rule 6). */
    private static final Set<String> CREDENTIAL_LISTENERS = Set.of("smtps", "submission", "imaps", "imap", "pop3s");

    private final Problems problems;

    CrossChecks(Problems problems) {
        this.problems = problems;
    }

    void check(GatewayConfig c) {
        listeners(c.listeners());
        storage(c.storage());
        limits(c.limits());
        sessionLimits(c.smtp(), c.imapPop3());
        keys(c.keys());
        c.providersIndex().ldif().ifPresent(p -> readable("providers-index.ldif", p));
        if (c.timers().warningAfter().compareTo(c.timers().finalAfter()) >= 0) {
            problems.add("timers.warning-after", "must be shorter than timers.final-after");
        }
        operations(c.operations());
    }

    private void operations(OperationsConfig o) {
        OperationsConfig.PasswordPolicyConfig p = o.passwordPolicy();
        if (p.minLength() > p.maxLength()) {
            problems.add("operations.password-policy.min-length", "must not be more than operations.password-policy.max-length");
        }
        if (p.characterClasses().size() > p.maxLength()) {
            problems.add("operations.password-policy.character-classes", "needs more characters than max-length allows");
        }
        if (o.sms().enabled() && !Files.isDirectory(o.sms().outgoingDir())) {
            problems.add("operations.sms.outgoing-dir", o.sms().outgoingDir() + " does not exist or is not a directory"
                    + " (the SMS gateway's outgoing spool)");
        }
    }

    private void listeners(ListenersConfig l) {
        Map<String, ListenerConfig> all = new LinkedHashMap<>();
        all.put("smtps", l.smtps());
        all.put("submission", l.submission());
        all.put("mx", l.mx());
        all.put("imaps", l.imaps());
        all.put("imap", l.imap());
        all.put("pop3s", l.pop3s());
        all.put("http", l.http());
        Map<String, String> taken = new LinkedHashMap<>();
        all.forEach((name, listener) -> {
            if (!listener.enabled()) {
                return;
            }
            tlsMode(name, listener.tls());
            if (listener.port() == 0) {
                return;
            }
            for (var other : taken.entrySet()) {
                ListenerConfig o = all.get(other.getKey());
                if (o.port() == listener.port() && overlap(o.address(), listener.address())) {
                    problems.add("listeners." + name + ".port", listener.port() + " is also used by listeners." + other.getKey());
                }
            }
            taken.put(name, listener.address());
        });
    }

    private void tlsMode(String name, TlsMode tls) {
        String path = "listeners." + name + ".tls";
        if (CREDENTIAL_LISTENERS.contains(name) && (tls == TlsMode.NONE || tls == TlsMode.STARTTLS_OPTIONAL)) {
            problems.add(path, tls.yamlName() + " would let passwords travel in clear; use implicit or starttls-required");
        } else if (name.equals("mx") && (tls == TlsMode.NONE || tls == TlsMode.IMPLICIT)) {
            problems.add(path, tls.yamlName() + " is not allowed: the incoming point must offer STARTTLS and accept plain"
                    + " sessions from ordinary senders (starttls-optional)");
        } else if (name.equals("http") && tls == TlsMode.STARTTLS_REQUIRED) {
            problems.add(path, "starttls-required does not exist for HTTP; use implicit (HTTPS only), starttls-optional"
                    + " (HTTPS and plain HTTP on one port) or none");
        }
    }

    private static boolean overlap(String a, String b) {
        return a.equals(b) || isWildcard(a) || isWildcard(b);
    }

    private static boolean isWildcard(String address) {
        return address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]");
    }

    private void storage(StorageConfig s) {
        if (s.kind() == StorageConfig.Kind.POSTGRESQL) {
            if (s.postgresUrl().isEmpty()) {
                problems.add("storage.postgres-url", "missing: required when storage.kind is postgresql");
            }
            s.postgresPasswordFile().ifPresent(p -> readable("storage.postgres-password-file", p));
        }
        s.postgresUrl().filter(url -> !url.startsWith("jdbc:postgresql://"))
                .ifPresent(url -> problems.add("storage.postgres-url", "'" + url + "' does not start with jdbc:postgresql://"));
    }

    private void limits(LimitsConfig l) {
        if (l.maxSizeTimesRecipients() < l.maxMessageBytes()) {
            problems.add("limits.max-size-times-recipients", "must be at least limits.max-message-bytes");
        }
    }

    private void sessionLimits(SmtpConfig smtp, ImapPop3Config imapPop3) {
        if (smtp.authThrottle().delayStep().compareTo(smtp.authThrottle().maxDelay()) > 0) {
            // reported on the parent: a wrong delay-step or max-delay of its own suppresses it
            problems.add("smtp.auth-throttle", "max-delay must be at least delay-step");
        }
        if (imapPop3.loginDelayBase().compareTo(imapPop3.loginDelayMax()) > 0) {
            problems.add("imap-pop3", "login-delay-max must be at least login-delay-base");
        }
    }

    private void keys(KeyMaterialConfig k) {
        if (k.signing().isPresent() != k.tls().isPresent()) {
            problems.add("keys", "give both signing and tls, or neither (then a development PKI is made in the data directory)");
        }
        k.signing().ifPresent(s -> source("keys.signing", s));
        k.tls().ifPresent(s -> source("keys.tls", s));
    }

    private void source(String path, KeySource source) {
        if (source instanceof KeySource.Pkcs12 p) {
            readable(path + ".pkcs12.file", p.file());
            p.passwordFile().ifPresent(f -> readable(path + ".pkcs12.password-file", f));
        } else if (source instanceof KeySource.Pem p) {
            readable(path + ".pem.certificate-chain", p.certificateChain());
            readable(path + ".pem.private-key", p.privateKey());
        }
    }

    private void readable(String path, Path file) {
        if (!Files.isRegularFile(file)) {
            problems.add(path, file + " does not exist or is not a file");
        } else if (!Files.isReadable(file)) {
            problems.add(path, file + " is not readable");
        }
    }
}
