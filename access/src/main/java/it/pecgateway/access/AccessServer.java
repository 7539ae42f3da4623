package it.pecgateway.access;

import it.pecgateway.config.ListenerConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the gateway sees of an access server: start (returns the bound address), stop. */
public abstract class AccessServer implements AutoCloseable {
    private final NettyServer socket;
    private final AccessSettings settings;

    protected AccessServer(ListenerConfig listener, AccessSettings settings, String name) {
        this.socket = new NettyServer(listener, settings.eventLoopThreads(), name);
        this.settings = settings;
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

    /** Binds with this per-connection pipeline. */
    protected InetSocketAddress bind(java.util.function.Consumer<io.netty.channel.socket.SocketChannel> pipeline) {
        return socket.start(pipeline);
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
            org.slf4j.LoggerFactory.getLogger(AccessServer.class).warn("cannot clean spool directory {}", dir, e);
        }
    }
}
