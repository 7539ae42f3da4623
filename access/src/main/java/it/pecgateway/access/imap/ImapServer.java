package it.pecgateway.access.imap;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import it.pecgateway.access.AccessMetrics;
import it.pecgateway.access.AccessServer;
import it.pecgateway.access.AccessSettings;
import it.pecgateway.access.ConnectionGate;
import it.pecgateway.access.LoginPolicy;
import it.pecgateway.access.LoginThrottle;
import it.pecgateway.access.TlsMaterial;
import it.pecgateway.access.mime.StructureCache;
import it.pecgateway.config.ListenerConfig;
import it.pecgateway.config.TlsMode;
import it.pecgateway.mailstore.MailStore;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The IMAP4rev1 server of one listener: implicit TLS (993) or STARTTLS (143). Store work runs on
 * {@code executor}, which should be bounded ({@link it.pecgateway.access.AccessExecutors#bounded}).
 */
public final class ImapServer extends AccessServer {
    private final ImapContext ctx;
    private final SslContext ssl;
    private final TlsMode mode;
    private final Map<String, ImapCommand> commands = ImapCommands.all();

    public ImapServer(ListenerConfig listener, TlsMaterial tls, MailStore store, AccessSettings settings,
                      Executor executor, AccessMetrics metrics, Clock clock) {
        super(listener, settings, "imap");
        this.mode = listener.tls();
        this.ssl = tls.serverContext();
        ConnectionGate gate = new ConnectionGate(settings.maxConnectionsPerAddress(), settings.maxConnectionsPerUser());
        LoginThrottle throttle = new LoginThrottle(settings.loginDelayBase(), settings.loginDelayMax(), clock);
        LoginPolicy logins = new LoginPolicy(store.accounts(), throttle, gate, metrics, AccessMetrics.Protocol.IMAP, clock);
        this.ctx = new ImapContext(store, settings, metrics, logins, gate, new StructureCache(4096), executor, clock,
                mode == TlsMode.STARTTLS_OPTIONAL || mode == TlsMode.STARTTLS_REQUIRED);
    }

    public ImapServer(ListenerConfig listener, TlsMaterial tls, MailStore store, AccessSettings settings,
                      Executor executor, AccessMetrics metrics) {
        this(listener, tls, store, settings, executor, metrics, Clock.systemUTC());
    }

    @Override
    public InetSocketAddress start() {
        cleanSpool();
        boolean implicit = mode == TlsMode.IMPLICIT;
        long idle = ctx.settings().imapIdleTimeout().toMillis();
        return bind(ch -> {
            if (implicit) {
                ch.pipeline().addLast("tls", ssl.newHandler(ch.alloc()));
            }
            ch.pipeline().addLast(new IdleStateHandler(0, 0, idle, TimeUnit.MILLISECONDS));
            ch.pipeline().addLast(new ImapFrameDecoder(ctx.settings(), ctx.metrics()));
            ch.pipeline().addLast(new ImapHandler(ctx, commands, ctx.starttlsOffered() ? ssl : null, implicit));
        });
    }
}
