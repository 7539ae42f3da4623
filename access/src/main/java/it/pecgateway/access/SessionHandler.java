package it.pecgateway.access;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event-loop side shared by the IMAP and POP3 connections: admission per remote address, the queue of client
 * requests (pipelining), back-pressure (no reading while a request runs), the final reply line written back on the
 * event loop after an optional delay, idle timeout and clean-up. Subclasses run each request on a store thread and
 * call {@link #complete} when it is done.
 *
 * @param <R> one framed client request
 */
public abstract class SessionHandler<R> extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(SessionHandler.class);

    private final ConnectionGate gate;
    protected final AccessMetrics metrics;
    private final AccessMetrics.Protocol protocol;
    private final Queue<R> queue = new ArrayDeque<>();
    protected Channel channel;
    protected InetAddress remote;
    private boolean admitted;
    private boolean busy;
    private boolean closing;
    private volatile boolean revoked;

    protected SessionHandler(ConnectionGate gate, AccessMetrics metrics, AccessMetrics.Protocol protocol) {
        this.gate = gate;
        this.metrics = metrics;
        this.protocol = protocol;
    }

    /** The connection is admitted: set the session up and greet. */
    protected abstract void opened();

    /** Runs a request (normally on the session's serial executor), then calls {@link #complete}. */
    protected abstract void start(R request);

    /** The final line for a request the store pool had no room for. */
    protected abstract String busyLine(R request);

    protected abstract String refusedLine();

    protected abstract String idleTimeoutLine();

    /** The last line of a session its mailbox no longer allows; {@code null} to close without one. */
    protected abstract String revokedLine();

    /** Frees what a request holds (spooled literals). */
    protected void discard(R request) {
    }

    /** The connection is gone: release the session (called once, on the event loop); see {@link #inTurn}. */
    protected abstract void closed();

    /** Turns an inbound message into a request; {@code null} to ignore it. */
    protected abstract R request(Object message);

    @Override
    public final void channelActive(ChannelHandlerContext c) {
        channel = c.channel();
        remote = ((InetSocketAddress) channel.remoteAddress()).getAddress();
        if (!gate.connected(remote)) {
            metrics.refused(protocol, AccessMetrics.Refusal.TOO_MANY_FROM_ADDRESS);
            closeWith(refusedLine());
            return;
        }
        admitted = true;
        metrics.connectionOpened(protocol);
        opened();
    }

    @Override
    public final void channelRead(ChannelHandlerContext c, Object msg) {
        R request = request(msg);
        if (request == null) {
            return;
        }
        if (closing || !admitted) {
            discard(request);
            return;
        }
        queue.add(request);
        if (!busy) {
            next();
        }
    }

    private void next() {
        if (closing) {
            return;
        }
        R request = queue.poll();
        if (request == null) {
            channel.config().setAutoRead(true);
            channel.read();
            return;
        }
        busy = true;
        channel.config().setAutoRead(false);
        try {
            start(request);
        } catch (RejectedExecutionException e) {
            discard(request);
            metrics.refused(protocol, AccessMetrics.Refusal.SERVER_BUSY);
            finish(busyLine(request), Duration.ZERO, false, null);
        }
    }

    /**
     * A request is done (any thread): write {@code line} (if any) after {@code delay}, run {@code beforeWrite} first
     * (STARTTLS), then close or go on with the next request.
     */
    protected final void complete(String line, Duration delay, boolean close, Runnable beforeWrite) {
        channel.eventLoop().execute(() -> finish(line, delay, close, beforeWrite));
    }

    private void finish(String line, Duration delay, boolean close, Runnable beforeWrite) {
        Runnable write = () -> {
            if (!channel.isActive()) {
                return;
            }
            if (beforeWrite != null) {
                beforeWrite.run();
            }
            if (line != null) {
                ChannelFuture written = write(line);
                if (close) {
                    closing = true;
                    written.addListener(ChannelFutureListener.CLOSE);
                    return;
                }
            }
            busy = false;
            next();
        };
        if (delay.isZero()) {
            write.run();
        } else {
            channel.eventLoop().schedule(write, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Drops queued requests (STARTTLS: plaintext sent behind the command must not run). */
    protected final void dropQueued() {
        queue.forEach(this::discard);
        queue.clear();
    }

    protected final ChannelFuture write(String text) {
        return channel.writeAndFlush(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    /** Ends the connection after one last line (line too long, literal too large...). */
    protected final void closeWith(String line) {
        closing = true;
        write(line).addListener(ChannelFutureListener.CLOSE);
    }

    protected final boolean isClosing() {
        return closing;
    }

    /**
     * The session's mailbox changed state or expiry, or was deleted (called on a store thread). In turn with the
     * session's commands, {@code mayContinue} reads it again; when the session may not go on, it ends with
     * {@link #revokedLine} and no command of it runs any more. When the pool has no room for the check, or the
     * check fails, the session ends too: its next login decides.
     */
    protected final void accountChanged(Executor serial, BooleanSupplier mayContinue) {
        try {
            serial.execute(() -> {
                if (!revoked && !checked(mayContinue)) {
                    revoke();
                }
            });
        } catch (RejectedExecutionException e) {
            revoke();
        }
    }

    /** Runs a session's clean-up after its queued tasks, or at once when the pool has no room for it. */
    protected static void inTurn(Executor serial, Runnable cleanUp) {
        try {
            serial.execute(cleanUp);
        } catch (RejectedExecutionException e) {
            cleanUp.run();
        }
    }

    /** True once the session was ended by {@link #accountChanged}: requests still on their way must not run. */
    protected final boolean revoked() {
        return revoked;
    }

    private boolean checked(BooleanSupplier mayContinue) {
        try {
            return mayContinue.getAsBoolean();
        } catch (RuntimeException e) {
            log.warn("{} session of {}: cannot check its mailbox, ending it", protocol, remote, e);
            return false;
        }
    }

    private void revoke() {
        revoked = true;
        channel.eventLoop().execute(() -> {
            if (closing) {
                return;
            }
            metrics.refused(protocol, AccessMetrics.Refusal.ACCESS_REVOKED);
            dropQueued();
            String line = revokedLine();
            if (line != null) {
                closeWith(line);
            } else {
                closing = true;
                channel.close();
            }
        });
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext c, Object evt) throws Exception {
        if (evt instanceof SslHandshakeCompletionEvent handshake && !handshake.isSuccess()) {
            metrics.tlsHandshakeFailed(protocol);
        }
        if (evt instanceof IdleStateEvent && !closing) {
            metrics.refused(protocol, AccessMetrics.Refusal.IDLE_TIMEOUT);
            closeWith(idleTimeoutLine());
            return;
        }
        super.userEventTriggered(c, evt);
    }

    @Override
    public final void channelInactive(ChannelHandlerContext c) {
        closing = true;
        dropQueued();
        if (!admitted) {
            return;
        }
        gate.disconnected(remote);
        metrics.connectionClosed(protocol);
        closed();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext c, Throwable cause) {
        log.debug("{} connection error from {}", protocol, remote, cause);
        c.close();
    }
}
