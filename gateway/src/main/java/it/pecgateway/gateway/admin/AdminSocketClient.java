package it.pecgateway.gateway.admin;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Sends one request to a running gateway's administration socket. */
public final class AdminSocketClient {
    private AdminSocketClient() {
    }

    /** The gateway's reply, or empty when no gateway listens on this data directory's socket. */
    public static Optional<AdminReply> send(Path dataDir, AdminRequest request) throws IOException {
        Path socket = AdminSocketService.socketOf(dataDir);
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return Optional.empty(); // a socket file left by a gateway that died
        }
        try (channel) {
            Channels.newOutputStream(channel).write((request.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
            channel.shutdownOutput();
            InputStream in = Channels.newInputStream(channel);
            String reply = new String(in.readAllBytes(), StandardCharsets.UTF_8); // the gateway closes after its answer
            if (reply.isBlank()) {
                throw new IOException("the running gateway closed the administration socket without answering");
            }
            return Optional.of(AdminReply.fromJson(reply));
        }
    }
}
