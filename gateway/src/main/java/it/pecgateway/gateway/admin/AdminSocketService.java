package it.pecgateway.gateway.admin;

import it.pecgateway.gateway.Service;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local administration socket: {@code <data-dir>/admin/admin.sock}, a Unix domain socket in a directory only
 * the gateway's user can enter, so the file permissions are the authentication. The CLI sends its mailbox and
 * domain commands here while the gateway runs, because the embedded store admits one process only; the command
 * then runs on the gateway's own store and takes effect at once. One JSON line in, one JSON line out.
 */
public final class AdminSocketService implements Service {
    /** Large enough for a CSV import of a few thousand members. */
    static final int MAX_REQUEST_CHARS = 8 * 1024 * 1024;
    /** A client that has not sent its request line by then is dropped, so it cannot keep a thread forever. */
    static final Duration REQUEST_DEADLINE = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(AdminSocketService.class);

    private final Path socket;
    private final MailboxAdministration administration;
    private final Duration requestDeadline;
    private ServerSocketChannel server;
    private Thread acceptor;
    private ScheduledExecutorService deadlines;

    public AdminSocketService(Path dataDir, MailboxAdministration administration) {
        this(dataDir, administration, REQUEST_DEADLINE);
    }

    AdminSocketService(Path dataDir, MailboxAdministration administration, Duration requestDeadline) {
        this.socket = socketOf(dataDir);
        this.administration = administration;
        this.requestDeadline = requestDeadline;
    }

    public static Path socketOf(Path dataDir) {
        return dataDir.resolve("admin").resolve("admin.sock");
    }

    @Override
    public void start() throws IOException {
        Path dir = socket.getParent();
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Files.deleteIfExists(socket); // left by a gateway that died; the store lock already keeps a second one out
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new IOException("cannot create the administration socket " + socket + " (" + e.getMessage()
                    + "; Unix socket paths are limited to about 100 bytes: a shorter data-dir helps)", e);
        }
        deadlines = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "admin-socket-deadlines"));
        acceptor = new Thread(this::serve, "admin-socket");
        acceptor.start();
    }

    /** Each client on its own thread: one that connects and sends nothing must not hold up the next. */
    private void serve() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                daemon(() -> serveOne(client), "admin-socket-client").start();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                log.warn("administration socket accept failed: {}", e.toString());
            }
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private void serveOne(SocketChannel client) {
        try (client) {
            answer(client);
        } catch (IOException | RuntimeException e) {
            log.warn("administration request failed: {}", e.toString());
        }
    }

    private void answer(SocketChannel client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
        // a blocking channel has no read timeout: closing it at the deadline ends the read
        ScheduledFuture<?> deadline = deadlines.schedule(() -> closeQuietly(client), requestDeadline.toMillis(),
                TimeUnit.MILLISECONDS);
        String line = readLine(in);
        deadline.cancel(false);
        AdminReply reply = line == null
                ? AdminReply.failed(2, "request too long (at most " + MAX_REQUEST_CHARS + " characters)")
                : replyTo(line);
        OutputStream out = Channels.newOutputStream(client);
        out.write((reply.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void closeQuietly(SocketChannel client) {
        try {
            client.close();
        } catch (IOException e) {
            log.debug("closing a silent administration client: {}", e.toString());
        }
    }

    private AdminReply replyTo(String line) {
        AdminRequest request;
        try {
            request = AdminRequest.fromJson(line);
        } catch (IOException e) {
            return AdminReply.failed(2, "not a valid administration request");
        }
        AdminReply reply;
        try {
            synchronized (administration) { // requests run one at a time, as they did with a single thread
                reply = administration.execute(request);
            }
        } catch (RuntimeException e) {
            // a request the CLI would never send (SET_PASSWORD without a password) or a fault of ours: the client
            // still gets an answer; the request's text never holds the password
            log.warn("administration: {} failed", request, e);
            reply = AdminReply.failed(1, "the gateway could not run " + request.operation() + "; see its log");
        }
        log.info("administration: {} -> {}", request, reply.status() == 0 ? "done" : reply.error());
        return reply;
    }

    /** The request line, or null when it is longer than {@link #MAX_REQUEST_CHARS}: the client still gets an answer. */
    private static String readLine(BufferedReader in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (line.length() >= MAX_REQUEST_CHARS) {
                return null;
            }
            line.append((char) c);
        }
        return line.toString();
    }

    @Override
    public String description() {
        return "administration socket " + socket;
    }

    @Override
    public void stop(Duration grace) {
        try {
            if (server != null) {
                server.close();
            }
            if (acceptor != null) {
                acceptor.join(grace.toMillis());
            }
            if (deadlines != null) {
                deadlines.shutdownNow();
            }
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            log.warn("cannot remove {}: {}", socket, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
