package it.pecgateway.gateway.smtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.subethamail.smtp.internal.server.CommandHandler;
import org.subethamail.smtp.server.SMTPServer;

/**
 * One SMTP listener on SubEthaSMTP, with our commands in place of the library's. The thread pool is bounded:
 * {@code maxSessions} sessions run at once; SubEthaSMTP accepts ten more, which are told 421 and closed.
 */
public final class SmtpListener implements AutoCloseable {
    private final SmtpEndpoint endpoint;
    private final SMTPServer server;
    private final ExecutorService sessions;
    private final SmtpDispatcher dispatcher;

    /**
     * @param tls           server TLS context: required for implicit TLS and STARTTLS listeners
     * @param authenticator submission listeners only
     */
    public SmtpListener(SmtpEndpoint endpoint, Optional<SSLContext> tls, SmtpTransactionHandler handler,
                        Optional<SubmitterAuthenticator> authenticator, AuthThrottle throttle, Spool spool, Clock clock) {
        this(endpoint, tls, handler, authenticator, throttle, spool, clock, SmtpMetrics.NONE);
    }

    /** @param metrics told of connections, commands, authentication and TLS failures */
    public SmtpListener(SmtpEndpoint endpoint, Optional<SSLContext> tls, SmtpTransactionHandler handler,
                        Optional<SubmitterAuthenticator> authenticator, AuthThrottle throttle, Spool spool, Clock clock,
                        SmtpMetrics metrics) {
        if (endpoint.listener().tls() != it.pecgateway.config.TlsMode.NONE && tls.isEmpty()) {
            throw new IllegalArgumentException("listener " + endpoint.role() + " wants TLS but no TLS context was given");
        }
        if (endpoint.role() == SmtpRole.SUBMISSION && authenticator.isEmpty()) {
            throw new IllegalArgumentException("a submission listener needs an authenticator");
        }
        this.endpoint = endpoint;
        this.dispatcher = new SmtpDispatcher(endpoint, metrics);
        this.sessions = Executors.newFixedThreadPool(endpoint.maxSessions() + 10, threads(endpoint.role()));
        Optional<SSLContext> implicit = endpoint.implicitTls() ? tls : Optional.empty();
        this.server = SMTPServer.port(endpoint.listener().port())
                .bindAddress(address(endpoint.listener().address()))
                .hostName(endpoint.hostname())
                .softwareName("PEC gateway")
                .maxConnections(endpoint.maxSessions())
                .connectionTimeoutMs((int) endpoint.idleTimeout().toMillis())
                .maxRecipients(endpoint.limits().maxRecipients())
                .executorService(sessions)
                .sessionHandler(dispatcher)
                .serverSocketFactory(() -> new SmtpServerSocket(implicit))
                .build();
        CommandHandler commands = server.getCommandHandler();
        for (SmtpCommand command : commands(tls, handler, authenticator, throttle, spool, clock, metrics)) {
            commands.addCommand(dispatcher.adapt(command));
        }
    }

    private static List<SmtpCommand> commands(Optional<SSLContext> tls, SmtpTransactionHandler handler,
                                              Optional<SubmitterAuthenticator> authenticator, AuthThrottle throttle,
                                              Spool spool, Clock clock, SmtpMetrics metrics) {
        SubmitterAuthenticator nobody = (u, p) -> SubmitterAuthenticator.Outcome.rejected();
        return List.of(
                new GreetingCommand(true, tls), new GreetingCommand(false, tls),
                new MailCommand(handler), new RcptCommand(handler), new DataCommand(handler, spool, clock),
                new AuthCommand(authenticator.orElse(nobody), throttle, metrics), new StartTlsCommand(tls, metrics),
                new SimpleCommands.Rset(), new SimpleCommands.Noop(), new SimpleCommands.Quit(),
                new SimpleCommands.Fixed("VRFY", new SmtpReply(252, "2.5.0", "Cannot VRFY user, but will accept message")),
                new SimpleCommands.Fixed("EXPN", new SmtpReply(502, "5.5.1", "EXPN not available")),
                new SimpleCommands.Fixed("HELP", new SmtpReply(214, "2.0.0", "See RFC 5321")),
                new SimpleCommands.Fixed("BDAT", SmtpReplies.NOT_IMPLEMENTED));
    }

    public void start() {
        server.start();
    }

    /** The bound port (the ephemeral one when configured with 0). */
    public int port() {
        return server.getPortAllocated();
    }

    public String address() {
        return endpoint.listener().address();
    }

    public it.pecgateway.config.ListenerConfig listener() {
        return endpoint.listener();
    }

    public it.pecgateway.config.TlsMode tlsMode() {
        return endpoint.listener().tls();
    }

    /** Whether the listener accepts connections (readiness). */
    public boolean listening() {
        return server.isRunning();
    }

    public SmtpRole role() {
        return endpoint.role();
    }

    public int activeSessions() {
        return dispatcher.activeSessions();
    }

    /** Stops accepting, closes open sessions, waits briefly for their threads. */
    @Override
    public void close() {
        server.stop();
        sessions.shutdown();
        try {
            sessions.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UncheckedIOException(new IOException("cannot resolve listener address " + host, e));
        }
    }

    private static ThreadFactory threads(SmtpRole role) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "smtp-" + role.name().toLowerCase(java.util.Locale.ROOT) + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
