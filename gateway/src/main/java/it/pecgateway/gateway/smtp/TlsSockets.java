package it.pecgateway.gateway.smtp;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** TLS on an accepted connection, one shape for implicit TLS and STARTTLS: TLS 1.2 or later only. */
final class TlsSockets {
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsSockets() {
    }

    static SSLSocket serverSide(SSLContext context, Socket plain) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory()
                .createSocket(plain, plain.getInetAddress().getHostAddress(), plain.getPort(), true);
        tls.setUseClientMode(false);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setProtocols(PROTOCOLS);
        // a PEC peer may present its certificate; we never require one (ordinary Internet mail has none)
        parameters.setWantClientAuth(false);
        tls.setSSLParameters(parameters);
        return tls;
    }
}
