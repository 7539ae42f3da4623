package it.pecgateway.access.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N concurrent logged-in IMAP sessions over TLS, each SELECTed and in IDLE; prints the server's heap in use
 * (after GC, measured in the server JVM alone), then how long 100 deliveries take to reach every idling session.
 * Arguments: number of connections (default 10000), server -Xmx (default 1g). Sessions are spread over N/100 mailboxes.
 */
public final class IdleConnectionsBench {
    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String serverHeap = args.length > 1 ? args[1] : "1g";
        int mailboxes = Math.max(1, connections / 100);
        try (ServerProcess server = new ServerProcess(serverHeap, mailboxes, 1, 4096, "fast")) {
            long[] baseline = server.heap();
            System.out.printf("server baseline: heap %.1f MiB, direct %.1f MiB%n", mib(baseline[0]), mib(baseline[1]));
            SslContext ssl = SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                    .trustManager(new File(server.caPem.toString())).build();
            EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
            CountDownLatch idling = new CountDownLatch(connections);
            AtomicInteger failed = new AtomicInteger();
            ConcurrentLinkedQueue<Long> heard = new ConcurrentLinkedQueue<>();
            Semaphore inFlight = new Semaphore(200);
            List<Channel> channels = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < connections; i++) {
                int mailbox = i % mailboxes;
                String user = BenchServer.address(mailbox);
                inFlight.acquire();
                Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000)
                        .handler(new ChannelInitializer<SocketChannel>() {
                            @Override
                            protected void initChannel(SocketChannel ch) {
                                io.netty.handler.ssl.SslHandler tls = ssl.newHandler(ch.alloc(), "localhost", server.imapPort);
                                tls.setHandshakeTimeoutMillis(120_000);
                                ch.pipeline().addLast(tls);
                                ch.pipeline().addLast(new LineBasedFrameDecoder(8192));
                                ch.pipeline().addLast(new IdleClient(user, mailbox, idling, inFlight, heard));
                            }
                        });
                b.connect("127.0.0.1", server.imapPort).addListener(f -> {
                    if (!f.isSuccess()) {
                        failed.incrementAndGet();
                        inFlight.release();
                        idling.countDown();
                    }
                });
            }
            boolean all = idling.await(10, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] loaded = server.heap();
            System.out.printf("connections: %d requested, %d idling (server counts %d open), %d failed to connect, "
                            + "%d closed early (%s), set up in %.1f s%s%n", connections, IdleClient.idle.get(), loaded[2],
                    failed.get(), IdleClient.closedEarly.get(), IdleClient.firstError, seconds, all ? "" : " (timed out)");
            System.out.printf("server heap with them: %.1f MiB (%.1f MiB over baseline, %.1f KiB per session); "
                            + "Netty direct memory %.1f MiB; process RSS %.0f MiB (baseline %.0f MiB)%n", mib(loaded[0]),
                    mib(loaded[0] - baseline[0]), (loaded[0] - baseline[0]) / 1024.0 / Math.max(1, IdleClient.idle.get()),
                    mib(loaded[1]), mib(loaded[3]), mib(baseline[3]));
            IdleClient.deliveredAt = new long[mailboxes];
            for (int m = 0; m < mailboxes; m++) {
                IdleClient.deliveredAt[m] = System.nanoTime();
                server.deliver(m);
            }
            long deadline = System.currentTimeMillis() + 30_000;
            while (heard.size() < IdleClient.idle.get() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            List<Long> latencies = new ArrayList<>(heard);
            latencies.sort(null);
            if (!latencies.isEmpty()) {
                System.out.printf("new mail pushed to %d idling sessions (%d mailboxes): median %.0f ms, p99 %.0f ms, max %.0f ms "
                                + "from the delivery call to the session's EXISTS%n", latencies.size(), mailboxes, latencies.get(latencies.size() / 2) / 1e6,
                        latencies.get((int) (latencies.size() * 0.99)) / 1e6, latencies.get(latencies.size() - 1) / 1e6);
            }
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    static double mib(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    /** Greeting, LOGIN, SELECT, IDLE; then waits for EXISTS. */
    static final class IdleClient extends SimpleChannelInboundHandler<io.netty.buffer.ByteBuf> {
        static final AtomicInteger idle = new AtomicInteger();
        static final AtomicInteger closedEarly = new AtomicInteger();
        static volatile String firstError = "none";
        static volatile long[] deliveredAt;
        private final String user;
        private final int mailbox;
        private final CountDownLatch idling;
        private final Semaphore inFlight;
        private final ConcurrentLinkedQueue<Long> heard;
        private int step;

        IdleClient(String user, int mailbox, CountDownLatch idling, Semaphore inFlight, ConcurrentLinkedQueue<Long> heard) {
            this.user = user;
            this.mailbox = mailbox;
            this.idling = idling;
            this.inFlight = inFlight;
            this.heard = heard;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, io.netty.buffer.ByteBuf msg) {
            String line = msg.toString(StandardCharsets.US_ASCII);
            switch (step) {
                case 0 -> send(ctx, "a LOGIN " + user + " " + BenchServer.PASSWORD);
                case 1 -> {
                    if (line.startsWith("a ")) {
                        send(ctx, "b SELECT INBOX");
                    } else {
                        return;
                    }
                }
                case 2 -> {
                    if (line.startsWith("b ")) {
                        send(ctx, "c IDLE");
                    } else {
                        return;
                    }
                }
                case 3 -> {
                    if (line.startsWith("+")) {
                        idle.incrementAndGet();
                        inFlight.release();
                        idling.countDown();
                    } else {
                        return;
                    }
                }
                default -> {
                    if (line.endsWith("EXISTS")) {
                        heard.add(System.nanoTime() - deliveredAt[mailbox]);
                    }
                    return;
                }
            }
            step++;
        }

        private static void send(ChannelHandlerContext ctx, String line) {
            ctx.writeAndFlush(Unpooled.copiedBuffer(line + "\r\n", StandardCharsets.US_ASCII));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if ("none".equals(firstError)) {
                firstError = cause.toString();
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (step < 4) {
                closedEarly.incrementAndGet();
                inFlight.release();
                idling.countDown();
            }
        }
    }
}
