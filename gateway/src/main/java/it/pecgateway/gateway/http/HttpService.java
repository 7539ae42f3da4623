package it.pecgateway.gateway.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.OptionalSslHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.timeout.ReadTimeoutHandler;
import it.pecgateway.certs.ServerTls;
import it.pecgateway.certs.TlsIdentity;
import it.pecgateway.config.ListenerConfig;
import it.pecgateway.config.TlsMode;
import it.pecgateway.gateway.Service;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * The HTTP listener for health, metrics and (later) administration. TLS modes: {@code implicit} is HTTPS only,
 * {@code starttls-optional} accepts HTTPS and plain HTTP on one port (the first bytes tell them apart),
 * {@code none} is plain HTTP only.
 */
public final class HttpService implements Service {
    /** Large enough for a CSV import of a few thousand members (administration API). */
    private static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;
    private static final int IDLE_SECONDS = 30;

    private final ListenerConfig listener;
    private final TlsIdentity tls;
    private final HttpRoutes routes;
    private EventLoopGroup group;
    private Channel serverChannel;
    /**
     * Where the routes run: small and bounded; beyond it requests get 503 instead of queueing without end. Four
     * threads, because a holder's login spends tens of milliseconds in Argon2id and must not hold up /health.
     */
    private final ExecutorService work = workers();

    public HttpService(ListenerConfig listener, TlsIdentity tls, HttpRoutes routes) {
        this.listener = listener;
        this.tls = tls;
        this.routes = routes;
    }

    @Override
    public void start() throws Exception {
        SslContext ssl = listener.tls() == TlsMode.NONE ? null : sslContext(tls);
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        var bound = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline p = ch.pipeline();
                        p.addLast(new ReadTimeoutHandler(IDLE_SECONDS));
                        if (listener.tls() == TlsMode.IMPLICIT) {
                            p.addLast(ssl.newHandler(ch.alloc()));
                        } else if (listener.tls() == TlsMode.STARTTLS_OPTIONAL) {
                            p.addLast(new OptionalSslHandler(ssl));
                        }
                        p.addLast(handlers(routes, work, MAX_REQUEST_BYTES));
                    }
                })
                .bind(listener.address(), listener.port()).awaitUninterruptibly();
        serverChannel = bound.channel();
        if (!bound.isSuccess()) {
            throw new java.io.IOException(listener.cannotListen("http", bound.cause()), bound.cause());
        }
    }

    /** What decodes, bounds and answers the requests of a connection (after TLS). */
    static ChannelHandler[] handlers(HttpRoutes routes, Executor work, int maxRequestBytes) {
        return new ChannelHandler[] {new HttpServerCodec(), new BoundedAggregator(maxRequestBytes), new HttpRequestHandler(routes, work)};
    }

    /** The port really bound (the configured one, or the one picked for port 0). */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Override
    public String description() {
        String mode = switch (listener.tls()) {
            case IMPLICIT -> "HTTPS only";
            case STARTTLS_OPTIONAL -> "HTTPS and plain HTTP";
            default -> "plain HTTP only";
        };
        return "http " + listener.address() + ":" + port() + " (TLS: " + listener.tls().yamlName() + ", " + mode + ")";
    }

    @Override
    public void stop(Duration grace) {
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly(grace.toMillis());
        }
        work.shutdown();
        try {
            work.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (group != null) {
            group.shutdownGracefully(0, grace.toMillis(), TimeUnit.MILLISECONDS).awaitUninterruptibly(grace.toMillis() + 1000);
        }
    }

    private static ExecutorService workers() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64),
                runnable -> new Thread(runnable, "http-work"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static SslContext sslContext(TlsIdentity tls) throws SSLException {
        return SslContextBuilder.forServer(tls.privateKey(), tls.chain().toArray(X509Certificate[]::new))
                .sslProvider(SslProvider.JDK)
                .protocols(ServerTls.PROTOCOLS)
                .build();
    }
}
