package it.pecgateway.access.imap;

import io.netty.handler.ssl.SslContext;
import it.pecgateway.access.AccessMetrics;
import it.pecgateway.access.AccessServer;
import it.pecgateway.access.AccessSettings;
import it.pecgateway.access.TlsMaterial;
import it.pecgateway.access.mime.StructureCache;
import it.pecgateway.config.ListenerConfig;
import it.pecgateway.config.TlsMode;
import it.pecgateway.mailstore.MailStore;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executor;

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
        super(listener, settings, store, metrics, AccessMetrics.Protocol.IMAP, clock);
        this.mode = listener.tls();
        this.ssl = tls.serverContext();
        this.ctx = new ImapContext(store, settings, metrics, logins(), gate(), new StructureCache(4096), executor, clock,
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
        return bind(implicit ? ssl : null, ctx.settings().imapIdleTimeout(),
                () -> new ImapFrameDecoder(ctx.settings(), ctx.metrics()),
                () -> new ImapHandler(ctx, commands, ctx.starttlsOffered() ? ssl : null, implicit));
    }
}
