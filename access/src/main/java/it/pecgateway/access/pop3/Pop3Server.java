package it.pecgateway.access.pop3;

import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.ssl.SslContext;
import it.pecgateway.access.AccessMetrics;
import it.pecgateway.access.AccessServer;
import it.pecgateway.access.AccessSettings;
import it.pecgateway.access.TlsMaterial;
import it.pecgateway.config.ListenerConfig;
import it.pecgateway.config.TlsMode;
import it.pecgateway.mailstore.MailStore;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executor;

/** The POP3 server of one listener, over implicit TLS (995). */
public final class Pop3Server extends AccessServer {
    /** RFC 2449 allows 255 octets per command; AUTH PLAIN initial responses need a little more. */
    private static final int MAX_LINE = 4096;

    private final SslContext ssl;
    private final MailStore store;
    private final AccessSettings settings;
    private final Executor executor;
    private final AccessMetrics metrics;
    private final Map<String, Pop3Command> commands = Pop3Commands.all();

    public Pop3Server(ListenerConfig listener, TlsMaterial tls, MailStore store, AccessSettings settings,
                      Executor executor, AccessMetrics metrics, Clock clock) {
        super(listener, settings, store, metrics, AccessMetrics.Protocol.POP3, clock);
        if (listener.tls() != TlsMode.IMPLICIT) {
            throw new IllegalArgumentException("POP3 is served over implicit TLS only (995)");
        }
        this.ssl = tls.serverContext();
        this.store = store;
        this.settings = settings;
        this.executor = executor;
        this.metrics = metrics;
    }

    public Pop3Server(ListenerConfig listener, TlsMaterial tls, MailStore store, AccessSettings settings,
                      Executor executor, AccessMetrics metrics) {
        this(listener, tls, store, settings, executor, metrics, Clock.systemUTC());
    }

    @Override
    public InetSocketAddress start() {
        return bind(ssl, settings.pop3IdleTimeout(), () -> new LineBasedFrameDecoder(MAX_LINE, true, true),
                () -> new Pop3Handler(store, logins(), gate(), metrics, executor, settings.pop3IdleTimeout(), commands));
    }
}
