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
    private static final Logger log = LoggerFactory.getLogger(AdminSocketService.class);

    private final Path socket;
    private final MailboxAdministration administration;
    private ServerSocketChannel server;
    private Thread acceptor;

    public AdminSocketService(Path dataDir, MailboxAdministration administration) {
        this.socket = socketOf(dataDir);
        this.administration = administration;
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
        acceptor = new Thread(this::serve, "admin-socket");
        acceptor.start();
    }

    private void serve() {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                answer(client);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                log.warn("administration request failed: {}", e.toString());
            }
        }
    }

    private void answer(SocketChannel client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
        String line = readLine(in);
        AdminReply reply = line == null
                ? AdminReply.failed(2, "request too long (at most " + MAX_REQUEST_CHARS + " characters)")
                : replyTo(line);
        OutputStream out = Channels.newOutputStream(client);
        out.write((reply.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private AdminReply replyTo(String line) {
        try {
            AdminRequest request = AdminRequest.fromJson(line);
            AdminReply reply = administration.execute(request);
            log.info("administration: {} -> {}", request, reply.status() == 0 ? "done" : reply.error());
            return reply;
        } catch (IOException e) {
            return AdminReply.failed(2, "not a valid administration request");
        }
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
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            log.warn("cannot remove {}: {}", socket, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
