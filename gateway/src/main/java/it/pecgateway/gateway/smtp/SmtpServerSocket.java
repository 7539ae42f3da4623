package it.pecgateway.gateway.smtp;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The listening socket of an SMTP listener: sets TCP_NODELAY on each accepted connection (replies are small and
 * a client waits for each), layers implicit TLS where the listener wants it (the handshake runs lazily on the
 * session's thread, never on the accept thread), and hands SubEthaSMTP a {@link ReplyCheckingSocket}.
 */
final class SmtpServerSocket extends ServerSocket {
    private final Optional<SSLContext> implicitTls;

    SmtpServerSocket(Optional<SSLContext> implicitTls) throws IOException {
        this.implicitTls = implicitTls;
        setReuseAddress(true);
    }

    @Override
    public Socket accept() throws IOException {
        Socket plain = super.accept();
        try {
            plain.setTcpNoDelay(true);
            if (implicitTls.isEmpty()) {
                return new ReplyCheckingSocket(plain, plain);
            }
            SSLSocket tls = TlsSockets.serverSide(implicitTls.get(), plain);
            return new ReplyCheckingSocket(tls, plain);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }
}
