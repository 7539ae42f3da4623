package it.pecgateway.access;

import io.netty.channel.ChannelHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import it.pecgateway.config.ListenerConfig;
import it.pecgateway.mailstore.MailStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * What the gateway sees of an access server: start (returns the bound address), stop. Also what the IMAP and POP3
 * servers share: the caps and login policy of one listener, and the shape of a connection's pipeline.
 */
public abstract class AccessServer implements AutoCloseable {
    private final NettyServer socket;
    private final AccessSettings settings;
    private final ConnectionGate gate;
    private final LoginPolicy logins;

    protected AccessServer(ListenerConfig listener, AccessSettings settings, MailStore store, AccessMetrics metrics,
                           AccessMetrics.Protocol protocol, Clock clock) {
        this.socket = new NettyServer(listener, settings.eventLoopThreads(), protocol.name().toLowerCase(Locale.ROOT));
        this.settings = settings;
        this.gate = new ConnectionGate(settings.maxConnectionsPerAddress(), settings.maxConnectionsPerUser());
        LoginThrottle throttle = new LoginThrottle(settings.loginDelayBase(), settings.loginDelayMax(), clock);
        this.logins = new LoginPolicy(store.accounts(), throttle, gate, metrics, protocol, clock);
    }

    /** Binds the listener; returns the bound address (port 0 becomes the real port). */
    public abstract InetSocketAddress start();

    /** Whether the listener is bound and accepting (after {@link #start()}, before {@link #stop()}). */
    public boolean listening() {
        return socket.listening();
    }

    /** Closes the listener and every connection. */
    public void stop() {
        socket.stop();
    }

    @Override
    public void close() {
        stop();
    }

    protected final ConnectionGate gate() {
        return gate;
    }

    protected final LoginPolicy logins() {
        return logins;
    }

    /**
     * Binds with the one pipeline shape of both protocols, new handlers for each connection: the TLS handler first
     * when TLS is implicit (STARTTLS inserts it there later), the idle timeout, the protocol's framing, its session.
     *
     * @param implicitTls the server's TLS context, or null when the connection starts in plaintext
     */
    protected InetSocketAddress bind(SslContext implicitTls, Duration idle, Supplier<ChannelHandler> framing,
                                     Supplier<ChannelHandler> session) {
        return socket.start(ch -> {
            if (implicitTls != null) {
                ch.pipeline().addLast("tls", implicitTls.newHandler(ch.alloc()));
            }
            ch.pipeline().addLast(new IdleStateHandler(0, 0, idle.toMillis(), TimeUnit.MILLISECONDS));
            ch.pipeline().addLast(framing.get());
            ch.pipeline().addLast(session.get());
        });
    }

    /** Literals left by a crash are useless: remove them before accepting connections. */
    protected void cleanSpool() {
        Path dir = settings.spoolDirectory();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, "literal-*.tmp")) {
            for (Path p : leftovers) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LoggerFactory.getLogger(AccessServer.class).warn("cannot clean spool directory {}", dir, e);
        }
    }
}
