package it.pecgateway.certs;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An {@link SSLContext} whose every engine, socket and server socket enables only the given protocols. The
 * factories below only pass each call on and limit what comes back ({@link Spi#limited}); the JDK gives no way to
 * set a context's default protocols other than a process-wide system property.
 */
final class ProtocolLimitedContext extends SSLContext {

    ProtocolLimitedContext(SSLContext delegate, String[] protocols) {
        super(new Spi(delegate, protocols), delegate.getProvider(), delegate.getProtocol());
    }

    private static final class Spi extends SSLContextSpi {
        private final SSLContext delegate;
        private final String[] protocols;

        Spi(SSLContext delegate, String[] protocols) {
            this.delegate = delegate;
            this.protocols = protocols.clone();
        }

        /** The one place the protocols are limited, for whatever this context makes. */
        private <T> T limited(T made) {
            if (made instanceof SSLEngine engine) {
                engine.setEnabledProtocols(protocols);
            } else if (made instanceof SSLSocket socket) {
                socket.setEnabledProtocols(protocols);
            } else if (made instanceof SSLServerSocket socket) {
                socket.setEnabledProtocols(protocols);
            } else {
                throw new IllegalStateException("not a TLS endpoint: " + made.getClass().getName());
            }
            return made;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) throws KeyManagementException {
            delegate.init(km, tm, random);
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return new SocketFactory(delegate.getSocketFactory());
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return new ServerSocketFactory(delegate.getServerSocketFactory());
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return limited(delegate.createSSLEngine());
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return limited(delegate.createSSLEngine(host, port));
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return delegate.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return delegate.getClientSessionContext();
        }

        private final class ServerSocketFactory extends SSLServerSocketFactory {
            private final SSLServerSocketFactory factory;

            ServerSocketFactory(SSLServerSocketFactory factory) {
                this.factory = factory;
            }

            @Override
            public ServerSocket createServerSocket() throws IOException {
                return limited(factory.createServerSocket());
            }

            @Override
            public ServerSocket createServerSocket(int port) throws IOException {
                return limited(factory.createServerSocket(port));
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog) throws IOException {
                return limited(factory.createServerSocket(port, backlog));
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
                return limited(factory.createServerSocket(port, backlog, address));
            }

            @Override
            public String[] getDefaultCipherSuites() {
                return factory.getDefaultCipherSuites();
            }

            @Override
            public String[] getSupportedCipherSuites() {
                return factory.getSupportedCipherSuites();
            }
        }

        /** Used by STARTTLS: layering TLS over an accepted plain socket. */
        private final class SocketFactory extends SSLSocketFactory {
            private final SSLSocketFactory factory;

            SocketFactory(SSLSocketFactory factory) {
                this.factory = factory;
            }

            @Override
            public String[] getDefaultCipherSuites() {
                return factory.getDefaultCipherSuites();
            }

            @Override
            public String[] getSupportedCipherSuites() {
                return factory.getSupportedCipherSuites();
            }

            @Override
            public Socket createSocket() throws IOException {
                return limited(factory.createSocket());
            }

            @Override
            public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
                return limited(factory.createSocket(s, host, port, autoClose));
            }

            @Override
            public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) throws IOException {
                return limited(factory.createSocket(s, consumed, autoClose));
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return limited(factory.createSocket(host, port));
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
                return limited(factory.createSocket(host, port, localHost, localPort));
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return limited(factory.createSocket(host, port));
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                    throws IOException {
                return limited(factory.createSocket(address, port, localAddress, localPort));
            }
        }
    }
}
