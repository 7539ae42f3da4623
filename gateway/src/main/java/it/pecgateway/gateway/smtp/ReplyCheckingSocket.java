package it.pecgateway.gateway.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;

/**
 * The socket SubEthaSMTP's session sees: it delegates to the real (plain or TLS) socket and passes replies through
 * {@link ReplyFixingOutputStream}. {@link #plain()} is the underlying TCP socket, on which STARTTLS layers TLS.
 */
final class ReplyCheckingSocket extends Socket {
    private final Socket transport;
    private final Socket plain;
    private OutputStream output;

    ReplyCheckingSocket(Socket transport, Socket plain) {
        this.transport = transport;
        this.plain = plain;
    }

    Socket transport() {
        return transport;
    }

    Socket plain() {
        return plain;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return transport.getInputStream();
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
        if (output == null) {
            output = new ReplyFixingOutputStream(transport.getOutputStream());
        }
        return output;
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }

    @Override
    public boolean isClosed() {
        return transport.isClosed();
    }

    @Override
    public boolean isConnected() {
        return transport.isConnected();
    }

    @Override
    public boolean isBound() {
        return transport.isBound();
    }

    @Override
    public boolean isInputShutdown() {
        return transport.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        return transport.isOutputShutdown();
    }

    @Override
    public void shutdownInput() throws IOException {
        transport.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        transport.shutdownOutput();
    }

    @Override
    public InetAddress getInetAddress() {
        return plain.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return plain.getLocalAddress();
    }

    @Override
    public int getPort() {
        return plain.getPort();
    }

    @Override
    public int getLocalPort() {
        return plain.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return plain.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return plain.getLocalSocketAddress();
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        transport.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return transport.getSoTimeout();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        plain.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return plain.getTcpNoDelay();
    }

    @Override
    public String toString() {
        return "ReplyCheckingSocket[" + transport + "]";
    }
}
