package it.pecgateway.access.pop3;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import it.pecgateway.access.AccessMetrics;
import it.pecgateway.access.ChannelOutput;
import it.pecgateway.access.ConnectionGate;
import it.pecgateway.access.LoginPolicy;
import it.pecgateway.access.SerialExecutor;
import it.pecgateway.mailstore.MailStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher of one POP3 connection: lines are queued on the event loop (PIPELINING), reading stops while a
 * command runs, commands run in order on the session's serial executor.
 */
final class Pop3Handler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(Pop3Handler.class);
    private static final AccessMetrics.Protocol POP3 = AccessMetrics.Protocol.POP3;

    private final MailStore store;
    private final LoginPolicy logins;
    private final ConnectionGate gate;
    private final AccessMetrics metrics;
    private final Executor executor;
    private final Duration stall;
    private final Map<String, Pop3Command> commands;
    private final Queue<String> queue = new ArrayDeque<>();
    private Channel channel;
    private Pop3Session session;
    private InetAddress remote;
    private boolean admitted;
    private boolean busy;
    private boolean closing;
    private Pop3Reply.Continuation continuation;

    Pop3Handler(MailStore store, LoginPolicy logins, ConnectionGate gate, AccessMetrics metrics, Executor executor,
                Duration stall, Map<String, Pop3Command> commands) {
        this.store = store;
        this.logins = logins;
        this.gate = gate;
        this.metrics = metrics;
        this.executor = executor;
        this.stall = stall;
        this.commands = commands;
    }

    @Override
    public void channelActive(ChannelHandlerContext c) {
        channel = c.channel();
        remote = ((InetSocketAddress) channel.remoteAddress()).getAddress();
        if (!gate.connected(remote)) {
            metrics.refused(POP3, AccessMetrics.Refusal.TOO_MANY_FROM_ADDRESS);
            closing = true;
            write("-ERR [SYS/TEMP] Too many connections from your address\r\n").addListener(ChannelFutureListener.CLOSE);
            return;
        }
        admitted = true;
        metrics.connectionOpened(POP3);
        session = new Pop3Session(store, logins, new ChannelOutput(channel, stall.toMillis()), remote,
                new SerialExecutor(executor));
        write("+OK PEC gateway POP3 ready\r\n");
    }

    @Override
    public void channelRead(ChannelHandlerContext c, Object msg) {
        ByteBuf line = (ByteBuf) msg;
        String text;
        try {
            text = line.toString(StandardCharsets.UTF_8);
        } finally {
            line.release();
        }
        if (closing || session == null) {
            return;
        }
        queue.add(text);
        if (!busy) {
            next();
        }
    }

    private void next() {
        if (closing) {
            return;
        }
        String line = queue.poll();
        if (line == null) {
            channel.config().setAutoRead(true);
            channel.read();
            return;
        }
        busy = true;
        channel.config().setAutoRead(false);
        Pop3Reply.Continuation waiting = continuation;
        continuation = null;
        try {
            session.serial.execute(() -> run(line, waiting));
        } catch (RejectedExecutionException e) {
            metrics.refused(POP3, AccessMetrics.Refusal.SERVER_BUSY);
            finish(Pop3Reply.err("[SYS/TEMP] Server busy, try again"));
        }
    }

    private void run(String line, Pop3Reply.Continuation waiting) {
        Pop3Reply reply;
        try {
            reply = waiting != null ? waiting.onLine(session, line) : dispatch(line);
        } catch (Throwable t) {
            reply = Pop3Errors.reply(t, metrics);
        }
        try {
            session.out.flush();
        } catch (IOException | RuntimeException e) {
            log.debug("POP3 output failed", e);
            session.out.release();
            channel.close();
            return;
        }
        Pop3Reply done = reply;
        channel.eventLoop().execute(() -> finish(done));
    }

    private Pop3Reply dispatch(String line) throws IOException {
        int space = line.indexOf(' ');
        String name = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        String args = space < 0 ? "" : line.substring(space + 1);
        Pop3Command command = commands.get(name);
        if (command == null) {
            return Pop3Reply.err("Unknown command");
        }
        if (!command.allowedIn(session.state)) {
            return Pop3Reply.err(session.state == Pop3State.AUTHORIZATION ? "Log in first" : "Already logged in");
        }
        return command.handler().handle(session, args);
    }

    private void finish(Pop3Reply reply) {
        if (reply.continuation() != null) {
            continuation = reply.continuation();
        }
        Runnable write = () -> {
            if (!channel.isActive()) {
                return;
            }
            if (reply.line() != null) {
                ChannelFuture written = write(reply.line() + "\r\n");
                if (reply.close()) {
                    closing = true;
                    written.addListener(ChannelFutureListener.CLOSE);
                    return;
                }
            }
            busy = false;
            next();
        };
        if (reply.delay().isZero()) {
            write.run();
        } else {
            channel.eventLoop().schedule(write, reply.delay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private ChannelFuture write(String text) {
        return channel.writeAndFlush(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext c, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            // RFC 1939 3: an autologout timer ends the session without entering UPDATE
            metrics.refused(POP3, AccessMetrics.Refusal.IDLE_TIMEOUT);
            closing = true;
            write("-ERR [SYS/TEMP] Autologout; idle for too long\r\n").addListener(ChannelFutureListener.CLOSE);
            return;
        }
        super.userEventTriggered(c, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext c) {
        closing = true;
        queue.clear();
        if (!admitted) {
            return;
        }
        gate.disconnected(remote);
        metrics.connectionClosed(POP3);
        try {
            session.serial.execute(session::close);
        } catch (RejectedExecutionException e) {
            session.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext c, Throwable cause) {
        if (cause instanceof TooLongFrameException && !closing) {
            metrics.refused(POP3, AccessMetrics.Refusal.LINE_TOO_LONG);
            closing = true;
            write("-ERR Line too long\r\n").addListener(ChannelFutureListener.CLOSE);
            return;
        }
        log.debug("POP3 connection error from {}", remote, cause);
        c.close();
    }
}
