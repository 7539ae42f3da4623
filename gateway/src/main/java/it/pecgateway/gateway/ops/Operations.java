package it.pecgateway.gateway.ops;

import it.pecgateway.config.GatewayConfig;
import it.pecgateway.config.SmtpConfig.AuthThrottleConfig;
import it.pecgateway.gateway.ops.sms.SmsSender;
import it.pecgateway.gateway.ops.sms.SpoolSmsSender;
import it.pecgateway.gateway.pec.ServiceMail;
import it.pecgateway.gateway.smtp.AuthThrottle;
import it.pecgateway.mailstore.MailStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The operations service layer, made once over one store: what the administration API, the holder's panel, the
 * CLI (through the administration socket or on the store directly) and the life-cycle job all call, so that each
 * rule lives in one place.
 */
public final class Operations {
    private final OpsContext ctx;
    private final MailboxLifecycle lifecycle;
    private final Passwords passwords;
    private final PasswordResets resets;
    private final MailboxProvisioning provisioning;
    private final MailboxDeletion deletion;
    private final RecoveryContacts contacts;
    private final HolderSettings settings;
    private final HolderSessions sessions;
    private final ApiTokens tokens;
    private final MailboxStatus status;
    private final MailboxImport imports;
    private final LifecycleSweep sweep;

    public Operations(OpsContext ctx) {
        this.ctx = ctx;
        this.lifecycle = new MailboxLifecycle(ctx);
        // one count for every check of a holder's password over HTTP: logging in and proving it to change it
        AuthThrottle logins = new AuthThrottle(ctx.config().smtp().authThrottle(), ctx.clock());
        this.passwords = new Passwords(ctx, lifecycle, logins);
        this.resets = new PasswordResets(ctx, passwords, new AuthThrottle(ctx.config().smtp().authThrottle(), ctx.clock()));
        this.provisioning = new MailboxProvisioning(ctx, lifecycle, resets, passwords);
        this.deletion = new MailboxDeletion(ctx);
        this.contacts = new RecoveryContacts(ctx, new AuthThrottle(new AuthThrottleConfig(0, Duration.ZERO, Duration.ZERO, 5,
                Duration.ofMinutes(15), Duration.ofMinutes(15)), ctx.clock()));
        this.settings = new HolderSettings(ctx);
        this.sessions = new HolderSessions(ctx, logins);
        this.tokens = new ApiTokens(ctx);
        this.status = new MailboxStatus(ctx, lifecycle);
        this.imports = new MailboxImport(provisioning);
        this.sweep = new LifecycleSweep(ctx, deletion);
    }

    /**
     * The services of a gateway (or of the CLI when no gateway runs): e-mails leave through the store's outbound
     * queue, text messages through the configured SMS spool.
     */
    public static Operations of(GatewayConfig config, MailStore store, Clock clock, Supplier<String> publicUrl) {
        return new Operations(new OpsContext(store, clock, config, new OpsLog(config.provider().serviceAddress()),
                new ServiceMail(config.provider().serviceAddress()), sms(config), publicUrl));
    }

    private static Optional<SmsSender> sms(GatewayConfig config) {
        if (!config.operations().sms().enabled()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SpoolSmsSender(config.operations().sms().outgoingDir(), config.operations().sms().tempDir()));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    public OpsContext context() {
        return ctx;
    }

    public MailboxLifecycle lifecycle() {
        return lifecycle;
    }

    public Passwords passwords() {
        return passwords;
    }

    public PasswordResets resets() {
        return resets;
    }

    public MailboxProvisioning provisioning() {
        return provisioning;
    }

    public MailboxDeletion deletion() {
        return deletion;
    }

    public RecoveryContacts contacts() {
        return contacts;
    }

    public HolderSettings settings() {
        return settings;
    }

    public HolderSessions sessions() {
        return sessions;
    }

    public ApiTokens tokens() {
        return tokens;
    }

    public MailboxStatus status() {
        return status;
    }

    public MailboxImport imports() {
        return imports;
    }

    public LifecycleSweep sweep() {
        return sweep;
    }
}
