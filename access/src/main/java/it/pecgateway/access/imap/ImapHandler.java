package it.pecgateway.access.imap;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import it.pecgateway.access.AccessMetrics;
import it.pecgateway.access.ChannelOutput;
import it.pecgateway.access.SerialExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher of one IMAP connection. On the event loop it queues frames and stops reading while a command
 * runs (back-pressure); the command itself (parsing, guards, store work, untagged responses) runs on the
 * session's serial executor; the tagged line is written back on the event loop, after a delay for failed logins.
 */
final class ImapHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ImapHandler.class);
    private static final AccessMetrics.Protocol IMAP = AccessMetrics.Protocol.IMAP;

    private final ImapContext ctx;
    private final Map<String, ImapCommand> commands;
    private final SslContext startTls;
    private final boolean implicitTls;
    private final Queue<ImapFrame> queue = new ArrayDeque<>();
    private Channel channel;
    private ImapSession session;
    private InetAddress remote;
    private boolean admitted;
    private boolean busy;
    private boolean closing;
    private Reply.Continuation continuation;
    private String continuationTag;

    ImapHandler(ImapContext ctx, Map<String, ImapCommand> commands, SslContext startTls, boolean implicitTls) {
        this.ctx = ctx;
        this.commands = commands;
        this.startTls = startTls;
        this.implicitTls = implicitTls;
    }

    @Override
    public void channelActive(ChannelHandlerContext c) {
        channel = c.channel();
        remote = ((InetSocketAddress) channel.remoteAddress()).getAddress();
        if (!ctx.gate().connected(remote)) {
            ctx.metrics().refused(IMAP, AccessMetrics.Refusal.TOO_MANY_FROM_ADDRESS);
            closing = true;
            writeLine("* BYE Too many connections from your address\r\n").addListener(ChannelFutureListener.CLOSE);
            return;
        }
        admitted = true;
        ctx.metrics().connectionOpened(IMAP);
        long stall = ctx.settings().imapIdleTimeout().toMillis();
        session = new ImapSession(ctx, new ImapWriter(new ChannelOutput(channel, stall)), remote,
                new SerialExecutor(ctx.executor()), implicitTls);
        session.onIdleChange(this::pushIdleChanges);
        writeLine("* OK [CAPABILITY " + Capabilities.of(session) + "] PEC gateway IMAP ready\r\n");
    }

    @Override
    public void channelRead(ChannelHandlerContext c, Object msg) {
        ImapFrame frame = (ImapFrame) msg;
        if (closing || session == null) {
            frame.discardLiterals();
            return;
        }
        queue.add(frame);
        if (!busy) {
            next();
        }
    }

    private void next() {
        if (closing) {
            return;
        }
        ImapFrame frame = queue.poll();
        if (frame == null) {
            channel.config().setAutoRead(true);
            channel.read();
            return;
        }
        busy = true;
        channel.config().setAutoRead(false);
        Reply.Continuation waiting = continuation;
        String tag = continuationTag;
        continuation = null;
        try {
            session.serial.execute(() -> run(frame, waiting, tag));
        } catch (RejectedExecutionException e) {
            frame.discardLiterals();
            ctx.metrics().refused(IMAP, AccessMetrics.Refusal.SERVER_BUSY);
            String t = waiting != null ? tag : ImapFrameDecoder.tagOf(frame.firstLine());
            finish(t, Reply.no("UNAVAILABLE", "Server busy, try again"));
        }
    }

    /** Runs one command on the session's store thread. */
    private void run(ImapFrame frame, Reply.Continuation waiting, String waitingTag) {
        String tag = waitingTag;
        boolean expungeAllowed = true;
        Reply reply;
        try {
            if (waiting != null) {
                reply = waiting.onLine(session, frame.firstLine());
            } else {
                ImapReader r = new ImapReader(frame);
                String first = r.atEnd() ? "" : r.atom();
                if (!ImapReader.isTag(first)) {
                    tag = "*";
                    reply = Reply.bad("Invalid tag");
                } else {
                    tag = first;
                    ParsedName name = parseName(r);
                    ImapCommand command = commands.get(name.name());
                    if (command != null && (!name.uid() || command.hasUidForm())) {
                        expungeAllowed = command.allowsExpunge(name.uid());
                    }
                    reply = dispatch(command, name.uid(), r);
                }
            }
        } catch (BrokenResponseException e) {
            log.warn("IMAP response cut half way, closing the connection", e);
            frame.discardLiterals();
            session.out.output().release();
            channel.close();
            return;
        } catch (Throwable t) {
            reply = ImapErrors.reply(t, ctx.metrics());
        } finally {
            frame.discardLiterals();
        }
        try {
            if (session.selected != null && reply.status() != Reply.Status.CONTINUE) {
                session.selected.refresh(ctx.store(), session.out, expungeAllowed, false, session.condstore);
            }
            session.out.flush();
        } catch (IOException | RuntimeException e) {
            log.debug("IMAP output failed", e);
            session.out.output().release();
            channel.close();
            return;
        }
        String finalTag = tag;
        Reply finalReply = reply;
        channel.eventLoop().execute(() -> finish(finalTag, finalReply));
    }

    private record ParsedName(String name, boolean uid) { }

    private static ParsedName parseName(ImapReader r) {
        r.space();
        String name = r.atom().toUpperCase(java.util.Locale.ROOT);
        if (name.equals("UID")) {
            r.space();
            return new ParsedName(r.atom().toUpperCase(java.util.Locale.ROOT), true);
        }
        return new ParsedName(name, false);
    }

    private Reply dispatch(ImapCommand command, boolean uid, ImapReader r) throws IOException {
        if (command == null || (uid && !command.hasUidForm())) {
            return Reply.bad("Unknown command");
        }
        if (!command.states().contains(session.state)) {
            return Reply.bad(session.loggedIn() ? "Command not valid in this state" : "Log in first");
        }
        if (command.writes() && session.readOnlyAccount) {
            return Reply.no("NOPERM", "Mailbox is read-only");
        }
        return command.handle(session, r, uid);
    }

    /** On the event loop: writes the tagged line and goes on with the next command. */
    private void finish(String tag, Reply reply) {
        if (reply.status() == Reply.Status.CONTINUE) {
            continuation = reply.continuation();
            continuationTag = tag;
            busy = false;
            next();
            return;
        }
        Runnable write = () -> {
            if (!channel.isActive()) {
                return;
            }
            if (reply.after() == Reply.After.START_TLS) {
                startTls();
            }
            ChannelFuture written = writeLine(reply.line(tag));
            if (reply.after() == Reply.After.CLOSE) {
                closing = true;
                written.addListener(ChannelFutureListener.CLOSE);
                return;
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

    private void startTls() {
        SslHandler tls = new SslHandler(startTls.newEngine(channel.alloc()), true);
        channel.pipeline().addFirst("tls", tls);
        channel.pipeline().get(ImapFrameDecoder.class).discardBuffered();
        queue.forEach(ImapFrame::discardLiterals);
        queue.clear();
        session.tls = true;
    }

    /** A store change while the session idles: push the untagged responses now (from a store thread). */
    private void pushIdleChanges() {
        try {
            session.serial.execute(() -> {
                if (!session.idling || session.selected == null) {
                    return;
                }
                try {
                    session.selected.refresh(ctx.store(), session.out, true, false, session.condstore);
                    session.out.flush();
                } catch (IOException | RuntimeException e) {
                    log.debug("IDLE push failed", e);
                    session.out.output().release();
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("IDLE push postponed: executor saturated");
        }
    }

    private ChannelFuture writeLine(String line) {
        return channel.writeAndFlush(Unpooled.copiedBuffer(line, StandardCharsets.UTF_8));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext c, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            ctx.metrics().refused(IMAP, AccessMetrics.Refusal.IDLE_TIMEOUT);
            closing = true;
            writeLine("* BYE Autologout; idle for too long\r\n").addListener(ChannelFutureListener.CLOSE);
            return;
        }
        super.userEventTriggered(c, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext c) {
        closing = true;
        queue.forEach(ImapFrame::discardLiterals);
        queue.clear();
        if (!admitted) {
            return;
        }
        ctx.gate().disconnected(remote);
        ctx.metrics().connectionClosed(IMAP);
        try {
            session.serial.execute(session::close);
        } catch (RejectedExecutionException e) {
            session.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext c, Throwable cause) {
        log.debug("IMAP connection error from {}", remote, cause);
        c.close();
    }
}
