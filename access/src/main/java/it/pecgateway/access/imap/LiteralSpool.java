package it.pecgateway.access.imap;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.CompletionHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A large literal being written to a temporary file while it arrives. Writes are asynchronous so that the event
 * loop never waits for the disk; the command that uses the literal waits for them on its store thread.
 */
final class LiteralSpool {
    private final Path file;
    private final AsynchronousFileChannel channel;
    private final long size;
    private long position;
    private int outstanding;
    private IOException failure;

    LiteralSpool(Path directory, long size) throws IOException {
        Files.createDirectories(directory);
        this.file = Files.createTempFile(directory, "literal-", ".tmp");
        this.channel = AsynchronousFileChannel.open(file, StandardOpenOption.WRITE);
        this.size = size;
    }

    long size() {
        return size;
    }

    /** Queues the readable bytes of {@code chunk} (copied; the caller keeps ownership of the buffer). */
    void write(ByteBuf chunk) {
        ByteBuffer copy = ByteBuffer.allocate(chunk.readableBytes());
        chunk.readBytes(copy);
        copy.flip();
        long at = position;
        position += copy.remaining();
        synchronized (this) {
            outstanding++;
        }
        writeFrom(copy, at);
    }

    private void writeFrom(ByteBuffer data, long at) {
        channel.write(data, at, data, new CompletionHandler<>() {
            @Override
            public void completed(Integer written, ByteBuffer rest) {
                if (rest.hasRemaining()) {
                    writeFrom(rest, at + written);
                } else {
                    done(null);
                }
            }

            @Override
            public void failed(Throwable e, ByteBuffer rest) {
                done(e instanceof IOException io ? io : new IOException(e));
            }
        });
    }

    private synchronized void done(IOException e) {
        outstanding--;
        if (e != null && failure == null) {
            failure = e;
        }
        notifyAll();
    }

    /** Waits until every byte is on the file, then closes it. Called from a store thread. */
    synchronized Path awaitWritten() throws IOException {
        while (outstanding > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while spooling a literal");
            }
        }
        channel.close();
        if (failure != null) {
            throw failure;
        }
        return file;
    }

    void delete() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a temporary file that is about to be deleted
        }
        Literal.deleteQuietly(file);
    }
}
