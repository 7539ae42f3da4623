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

/** An {@link SSLContext} whose every engine, socket and server socket enables only the given protocols. */
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

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) throws KeyManagementException {
            delegate.init(km, tm, random);
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return new SocketFactory(delegate.getSocketFactory(), protocols);
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return new ServerSocketFactory(delegate.getServerSocketFactory(), protocols);
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            SSLEngine engine = delegate.createSSLEngine();
            engine.setEnabledProtocols(protocols);
            return engine;
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            SSLEngine engine = delegate.createSSLEngine(host, port);
            engine.setEnabledProtocols(protocols);
            return engine;
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return delegate.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return delegate.getClientSessionContext();
        }
    }

    private static final class ServerSocketFactory extends SSLServerSocketFactory {
        private final SSLServerSocketFactory delegate;
        private final String[] protocols;

        ServerSocketFactory(SSLServerSocketFactory delegate, String[] protocols) {
            this.delegate = delegate;
            this.protocols = protocols;
        }

        private ServerSocket limit(ServerSocket socket) {
            ((SSLServerSocket) socket).setEnabledProtocols(protocols);
            return socket;
        }

        @Override
        public ServerSocket createServerSocket() throws IOException {
            return limit(delegate.createServerSocket());
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return limit(delegate.createServerSocket(port));
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            return limit(delegate.createServerSocket(port, backlog));
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            return limit(delegate.createServerSocket(port, backlog, address));
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }
    }

    /** Used by STARTTLS: layering TLS over an accepted plain socket. */
    private static final class SocketFactory extends SSLSocketFactory {
        private final SSLSocketFactory delegate;
        private final String[] protocols;

        SocketFactory(SSLSocketFactory delegate, String[] protocols) {
            this.delegate = delegate;
            this.protocols = protocols;
        }

        private Socket limit(Socket socket) {
            ((SSLSocket) socket).setEnabledProtocols(protocols);
            return socket;
        }

        @Override
        public Socket createSocket() throws IOException {
            return limit(delegate.createSocket());
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return limit(delegate.createSocket(s, host, port, autoClose));
        }

        @Override
        public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) throws IOException {
            return limit(delegate.createSocket(s, consumed, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return limit(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return limit(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return limit(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return limit(delegate.createSocket(address, port, localAddress, localPort));
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }
    }
}
