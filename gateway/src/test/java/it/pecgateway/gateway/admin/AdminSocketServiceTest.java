package it.pecgateway.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The socket's own behaviour; the requests used here are refused before any operation would run. */
class AdminSocketServiceTest {
    @TempDir
    Path dir;
    private AdminSocketService service;

    @BeforeEach
    void start() throws IOException {
        service = new AdminSocketService(dir, new MailboxAdministration(null));
        service.start();
    }

    @AfterEach
    void stop() {
        service.stop(Duration.ofSeconds(2));
    }

    private SocketChannel connect() throws IOException {
        return connect(dir);
    }

    private static SocketChannel connect(Path dataDir) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(AdminSocketService.socketOf(dataDir)));
        return channel;
    }

    private AdminReply exchange(byte[] request) throws IOException {
        try (SocketChannel channel = connect()) {
            Channels.newOutputStream(channel).write(request);
            channel.shutdownOutput();
            InputStream in = Channels.newInputStream(channel);
            String reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(reply).as("a reply line").endsWith("\n");
            return AdminReply.fromJson(reply);
        }
    }

    @Test
    void anOversizedRequestIsAnsweredWithAnError() throws IOException {
        byte[] request = ("x".repeat(AdminSocketService.MAX_REQUEST_CHARS + 10) + "\n").getBytes(StandardCharsets.US_ASCII);
        AdminReply reply = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> exchange(request));
        assertThat(reply.status()).isEqualTo(2);
        assertThat(reply.error()).contains("too long");
    }

    @Test
    void aClientThatSendsNothingDoesNotHoldUpTheNextOne() throws IOException {
        try (SocketChannel silent = connect()) {
            AdminReply reply = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> exchange("{\"operation\":\"DROP_ALL\"}\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(reply).isEqualTo(AdminReply.failed(2, "not a valid administration request"));
        }
    }

    @Test
    void aClientThatSendsNothingIsDroppedAtTheDeadline() throws IOException {
        Path other = dir.resolve("d");
        AdminSocketService impatient = new AdminSocketService(other, new MailboxAdministration(null), Duration.ofSeconds(1));
        impatient.start();
        try (SocketChannel silent = connect(other)) {
            int first = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Channels.newInputStream(silent).read());
            assertThat(first).as("end of stream").isEqualTo(-1);
        } finally {
            impatient.stop(Duration.ofSeconds(2));
        }
    }

    @Test
    void aRequestTheAdministrationFailsOnIsStillAnswered() throws IOException {
        // no password, as the CLI would never send it; here the administration has no operations at all either
        AdminReply reply = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> exchange(
                "{\"operation\":\"SET_PASSWORD\",\"subject\":\"a@pec.localhost\"}\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(reply).isEqualTo(AdminReply.failed(1, "the gateway could not run SET_PASSWORD; see its log"));
    }
}
