package it.pecgateway.gateway.smtp;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Bytes written once, then read as often as needed: in memory up to {@link Spool#IN_MEMORY} bytes, and past that in a
 * file of the spool directory, so that a 30 MB message never sits in the heap. Close it after writing, then read;
 * {@link #discard()} removes the file, if any.
 *
 * <p>Nothing here is synced, on purpose: what is spooled is only ever a working copy. A message is ours once the
 * store transaction holding it has committed (the store syncs it then), and only then does the SMTP layer answer
 * 250; after a crash nobody reads a spool file again, since the client got no 250 and sends once more.
 */
public final class SpoolBuffer extends OutputStream {
    private final Path directory;
    private final String prefix;
    private byte[] memory = new byte[8192];
    private int inMemory;
    private Path file;
    private OutputStream fileOut;
    private long size;
    private boolean closed;

    SpoolBuffer(Path directory, String prefix) {
        this.directory = directory;
        this.prefix = prefix;
    }

    @Override
    public void write(int b) throws IOException {
        if (file == null && inMemory < memory.length) {
            memory[inMemory++] = (byte) b;
            size++;
            return;
        }
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("spool buffer already closed");
        }
        if (file == null && inMemory + len > Spool.IN_MEMORY) {
            spill();
        }
        if (file == null) {
            if (inMemory + len > memory.length) {
                memory = Arrays.copyOf(memory, Math.min(Spool.IN_MEMORY, Math.max(memory.length * 2, inMemory + len)));
            }
            System.arraycopy(b, off, memory, inMemory, len);
            inMemory += len;
        } else {
            fileOut.write(b, off, len);
        }
        size += len;
    }

    private void spill() throws IOException {
        file = Files.createTempFile(directory, prefix, ".eml");
        fileOut = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
        fileOut.write(memory, 0, inMemory);
        memory = null;
        inMemory = 0;
    }

    /** Ends writing; the bytes can be read from now on. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            if (fileOut != null) {
                fileOut.close();
            }
        }
    }

    public long size() {
        return size;
    }

    public InputStream open() throws IOException {
        if (!closed) {
            throw new IOException("spool buffer still being written");
        }
        return file == null ? new ByteArrayInputStream(memory, 0, inMemory) : Files.newInputStream(file);
    }

    /** Forgets the bytes: removes the file if there is one. */
    public void discard() {
        try {
            close();
        } catch (IOException e) {
            // removed below anyway
        }
        if (file != null) {
            Spool.delete(file);
        }
        memory = null;
    }
}
