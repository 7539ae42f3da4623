package it.pecgateway.access.imap;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import it.pecgateway.access.AccessMetrics;
import it.pecgateway.access.ChannelOutput;
import it.pecgateway.access.CommandErrors;
import it.pecgateway.access.SerialExecutor;
import it.pecgateway.access.SessionHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher of one IMAP connection. The command (parsing, guards, store work, untagged responses) runs on the
 * session's serial executor; the tagged line goes back through {@link SessionHandler#complete}.
 */
final class ImapHandler extends SessionHandler<ImapFrame> {
    private static final Logger log = LoggerFactory.getLogger(ImapHandler.class);

    private final ImapContext ctx;
    private final CommandErrors<Reply> errors;
    private final Map<String, ImapCommand> commands;
    private final SslContext startTls;
    private final boolean implicitTls;
    private ImapSession session;
    private Reply.Continuation continuation;
    private String continuationTag;

    ImapHandler(ImapContext ctx, Map<String, ImapCommand> commands, SslContext startTls, boolean implicitTls) {
        super(ctx.gate(), ctx.metrics(), AccessMetrics.Protocol.IMAP);
        this.ctx = ctx;
        this.errors = ImapErrors.of(ctx.metrics());
        this.commands = commands;
        this.startTls = startTls;
        this.implicitTls = implicitTls;
    }

    @Override
    protected void opened() {
        long stall = ctx.settings().imapIdleTimeout().toMillis();
        session = new ImapSession(ctx, new ImapWriter(new ChannelOutput(channel, stall)), remote,
                new SerialExecutor(ctx.executor()), implicitTls);
        session.onIdleChange(this::pushIdleChanges);
        session.onAccountChange(() -> accountChanged(session.serial, session::mayContinue));
        write("* OK [CAPABILITY " + Capabilities.of(session) + "] PEC gateway IMAP ready\r\n");
    }

    @Override
    protected ImapFrame request(Object message) {
        return (ImapFrame) message;
    }

    @Override
    protected void start(ImapFrame frame) {
        Reply.Continuation waiting = continuation;
        String tag = continuationTag;
        session.serial.execute(() -> run(frame, waiting, tag));
        continuation = null;
    }

    @Override
    protected String busyLine(ImapFrame frame) {
        String tag = continuation != null ? continuationTag : ImapFrameDecoder.tagOf(frame.firstLine());
        continuation = null;
        return Reply.no("UNAVAILABLE", "Server busy, try again").line(tag);
    }

    @Override
    protected String refusedLine() {
        return "* BYE Too many connections from your address\r\n";
    }

    @Override
    protected String idleTimeoutLine() {
        return "* BYE Autologout; idle for too long\r\n";
    }

    /** RFC 3501 7.1.5: BYE may come at any time; the client learns its rights anew at its next login. */
    @Override
    protected String revokedLine() {
        return "* BYE Access to this mailbox has changed; log in again\r\n";
    }

    @Override
    protected void discard(ImapFrame frame) {
        frame.discardLiterals();
    }

    /** Runs one command on the session's store thread. */
    private void run(ImapFrame frame, Reply.Continuation waiting, String waitingTag) {
        if (revoked()) {
            frame.discardLiterals();
            return;
        }
        String tag = waitingTag;
        boolean expungeAllowed = true;
        AccessMetrics.Outcome failed = null;
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
                    r.space();
                    String name = r.atom().toUpperCase(Locale.ROOT);
                    boolean uid = name.equals("UID");
                    if (uid) {
                        r.space();
                        name = r.atom().toUpperCase(Locale.ROOT);
                    }
                    ImapCommand command = commands.get(name);
                    if (command != null && (!uid || command.hasUidForm())) {
                        expungeAllowed = command.allowsExpunge(uid);
                    }
                    reply = dispatch(command, uid, r);
                }
            }
        } catch (BrokenResponseException e) {
            log.warn("IMAP response cut half way, closing the connection", e);
            ctx.metrics().commandCompleted(AccessMetrics.Protocol.IMAP, AccessMetrics.Outcome.ERROR);
            session.out.output().release();
            channel.close();
            return;
        } catch (Throwable t) {
            failed = CommandErrors.outcome(t);
            reply = errors.reply(t);
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
        if (reply.status() != Reply.Status.CONTINUE) {
            ctx.metrics().commandCompleted(AccessMetrics.Protocol.IMAP, failed != null ? failed : outcome(reply));
        }
        finish(tag, reply);
    }

    private static AccessMetrics.Outcome outcome(Reply reply) {
        return switch (reply.status()) {
            case OK, CONTINUE -> AccessMetrics.Outcome.OK;
            case NO -> AccessMetrics.Outcome.NO;
            case BAD -> AccessMetrics.Outcome.BAD;
        };
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

    private void finish(String tag, Reply reply) {
        if (session.loggedIn()) {
            channel.pipeline().get(ImapFrameDecoder.class).loggedIn();
        }
        if (reply.status() == Reply.Status.CONTINUE) {
            complete(null, Duration.ZERO, false, () -> {
                continuation = reply.continuation();
                continuationTag = tag;
            });
            return;
        }
        Runnable before = reply.after() == Reply.After.START_TLS ? this::startTls : null;
        complete(reply.line(tag), reply.delay(), reply.after() == Reply.After.CLOSE, before);
    }

    /** On the event loop, before the OK is written: TLS starts with the next byte the client sends. */
    private void startTls() {
        SslHandler tls = new SslHandler(startTls.newEngine(channel.alloc()), true);
        channel.pipeline().addFirst("tls", tls);
        channel.pipeline().get(ImapFrameDecoder.class).discardBuffered();
        dropQueued();
        session.tls = true;
    }

    /** A store change while the session idles: push the untagged responses now (from a store thread). */
    private void pushIdleChanges() {
        try {
            session.serial.execute(() -> {
                if (!session.idling || session.selected == null || revoked()) {
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

    @Override
    protected void closed() {
        inTurn(session.serial, session::close);
    }
}
