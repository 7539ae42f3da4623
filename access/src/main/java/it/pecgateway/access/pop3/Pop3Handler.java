package it.pecgateway.access.pop3;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.TooLongFrameException;
import it.pecgateway.access.AccessMetrics;
import it.pecgateway.access.ChannelOutput;
import it.pecgateway.access.CommandErrors;
import it.pecgateway.access.ConnectionGate;
import it.pecgateway.access.LoginPolicy;
import it.pecgateway.access.SerialExecutor;
import it.pecgateway.access.SessionHandler;
import it.pecgateway.mailstore.MailStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The dispatcher of one POP3 connection: commands run in order on the session's serial executor. */
final class Pop3Handler extends SessionHandler<String> {
    private static final Logger log = LoggerFactory.getLogger(Pop3Handler.class);

    private final MailStore store;
    private final LoginPolicy logins;
    private final Executor executor;
    private final Duration stall;
    private final Map<String, Pop3Command> commands;
    private final CommandErrors<Pop3Reply> errors;
    private Pop3Session session;
    private Pop3Reply.Continuation continuation;

    Pop3Handler(MailStore store, LoginPolicy logins, ConnectionGate gate, AccessMetrics metrics, Executor executor,
                Duration stall, Map<String, Pop3Command> commands) {
        super(gate, metrics, AccessMetrics.Protocol.POP3);
        this.store = store;
        this.logins = logins;
        this.executor = executor;
        this.stall = stall;
        this.commands = commands;
        this.errors = Pop3Errors.of(metrics);
    }

    @Override
    protected void opened() {
        session = new Pop3Session(store, logins, new ChannelOutput(channel, stall.toMillis()), remote,
                new SerialExecutor(executor));
        session.onAccountChange(() -> accountChanged(session.serial, session::mayContinue));
        write("+OK PEC gateway POP3 ready\r\n");
    }

    @Override
    protected String request(Object message) {
        ByteBuf line = (ByteBuf) message;
        try {
            return line.toString(StandardCharsets.UTF_8);
        } finally {
            line.release();
        }
    }

    @Override
    protected void start(String line) {
        Pop3Reply.Continuation waiting = continuation;
        session.serial.execute(() -> run(line, waiting));
        continuation = null;
    }

    @Override
    protected String busyLine(String line) {
        continuation = null;
        return "-ERR [SYS/TEMP] Server busy, try again\r\n";
    }

    @Override
    protected String refusedLine() {
        return "-ERR [SYS/TEMP] Too many connections from your address\r\n";
    }

    /** RFC 1939 3: the autologout timer ends the session without entering UPDATE. */
    @Override
    protected String idleTimeoutLine() {
        return "-ERR [SYS/TEMP] Autologout; idle for too long\r\n";
    }

    /** RFC 1939 has no unsolicited reply: the connection just closes, before UPDATE, so marked deletions stay. */
    @Override
    protected String revokedLine() {
        return null;
    }

    private void run(String line, Pop3Reply.Continuation waiting) {
        if (revoked()) {
            return;
        }
        Pop3Reply reply;
        AccessMetrics.Outcome failure = null;
        try {
            reply = waiting != null ? waiting.onLine(session, line) : dispatch(line);
        } catch (Throwable t) {
            failure = CommandErrors.outcome(t);
            reply = errors.reply(t);
        }
        try {
            session.out.flush();
        } catch (IOException | RuntimeException e) {
            log.debug("POP3 output failed", e);
            session.out.release();
            channel.close();
            return;
        }
        Pop3Reply.Continuation next = reply.continuation();
        if (next == null) {
            metrics.commandCompleted(AccessMetrics.Protocol.POP3, failure != null ? failure
                    : reply.line() != null && reply.line().startsWith("-ERR") ? AccessMetrics.Outcome.NO : AccessMetrics.Outcome.OK);
        }
        complete(reply.line() == null ? null : reply.line() + "\r\n", reply.delay(), reply.close(),
                next == null ? null : () -> continuation = next);
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

    @Override
    protected void closed() {
        inTurn(session.serial, session::close);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext c, Throwable cause) {
        if (cause instanceof TooLongFrameException && !isClosing()) {
            metrics.refused(AccessMetrics.Protocol.POP3, AccessMetrics.Refusal.LINE_TOO_LONG);
            closeWith("-ERR Line too long\r\n");
            return;
        }
        super.exceptionCaught(c, cause);
    }
}
