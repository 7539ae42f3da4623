package it.pecgateway.access;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Writes a session's replies from a store thread. Bytes are gathered in chunks; when the socket cannot keep up
 * the store thread waits for it (never the event loop), so a large FETCH or RETR streams with bounded memory.
 */
public final class ChannelOutput {
    private static final int CHUNK = 32 * 1024;

    private final Channel channel;
    private final long stallTimeoutMillis;
    private ByteBuf pending;
    private ChannelFuture lastWrite;

    public ChannelOutput(Channel channel, long stallTimeoutMillis) {
        this.channel = channel;
        this.stallTimeoutMillis = stallTimeoutMillis;
    }

    public Channel channel() {
        return channel;
    }

    public ChannelOutput ascii(String text) {
        buffer().writeCharSequence(text, StandardCharsets.US_ASCII);
        return this;
    }

    public ChannelOutput utf8(String text) {
        buffer().writeCharSequence(text, StandardCharsets.UTF_8);
        return this;
    }

    public ChannelOutput bytes(byte[] bytes, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            ByteBuf buf = buffer();
            int n = Math.min(length - done, Math.max(CHUNK - buf.readableBytes(), 1));
            buf.writeBytes(bytes, offset + done, n);
            done += n;
            if (buf.readableBytes() >= CHUNK) {
                push();
            }
        }
        return this;
    }

    public ChannelOutput bytes(byte[] bytes) throws IOException {
        return bytes(bytes, 0, bytes.length);
    }

    /** Copies exactly {@code length} bytes of {@code in}; a stream that ends early is an I/O error. */
    public ChannelOutput stream(InputStream in, long length) throws IOException {
        byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max(length, 1))];
        long left = length;
        while (left > 0) {
            int n = in.read(chunk, 0, (int) Math.min(chunk.length, left));
            if (n < 0) {
                throw new IOException("stored body shorter than expected");
            }
            bytes(chunk, 0, n);
            left -= n;
        }
        return this;
    }

    /** Sends what is gathered so far. */
    public void flush() throws IOException {
        push();
        channel.flush();
    }

    private ByteBuf buffer() {
        if (pending == null) {
            pending = channel.alloc().buffer(256);
        }
        return pending;
    }

    private void push() throws IOException {
        if (!channel.isActive()) {
            release();
            throw new ClosedChannelException();
        }
        if (pending != null && pending.isReadable()) {
            ByteBuf out = pending;
            pending = null;
            lastWrite = channel.writeAndFlush(out);
        }
        if (!channel.isWritable() && lastWrite != null && !channel.eventLoop().inEventLoop()) {
            if (!lastWrite.awaitUninterruptibly(stallTimeoutMillis, TimeUnit.MILLISECONDS) || !lastWrite.isSuccess()) {
                channel.close();
                throw new ClosedChannelException();
            }
        }
    }

    /** Drops what was gathered but not sent (the command failed half way). */
    public void release() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }
}
