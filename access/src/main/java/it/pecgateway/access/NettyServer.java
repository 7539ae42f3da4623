package it.pecgateway.access;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import it.pecgateway.config.ListenerConfig;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The socket side shared by the IMAP and POP3 servers: one event loop group, one listening channel. */
final class NettyServer {
    private final ListenerConfig listener;
    private final int threads;
    private final String name;
    private EventLoopGroup group;
    private Channel serverChannel;

    NettyServer(ListenerConfig listener, int threads, String name) {
        this.listener = listener;
        this.threads = threads;
        this.name = name;
    }

    synchronized InetSocketAddress start(Consumer<SocketChannel> pipeline) {
        if (serverChannel != null) {
            throw new IllegalStateException(name + " server already started");
        }
        group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        pipeline.accept(ch);
                    }
                });
        try {
            serverChannel = bootstrap.bind(listener.address(), listener.port()).syncUninterruptibly().channel();
        } catch (Exception e) { // Netty rethrows the BindException itself, though it is checked
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            group = null;
            throw new IllegalStateException(listener.cannotListen(name, e), e);
        }
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** Whether the listening socket is bound and open (readiness). */
    synchronized boolean listening() {
        return serverChannel != null && serverChannel.isActive();
    }

    synchronized void stop() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
            serverChannel = null;
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            group = null;
        }
    }
}
