package it.pecgateway.gateway.smtp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where received messages and other working copies wait while they are handled: in memory up to {@link #IN_MEMORY}
 * bytes, beyond that in files of the spool directory ({@link SpoolBuffer}). Nothing is synced here: the store's
 * commit is what makes a message durable before the 250. Files left by a crash are removed at the next start.
 */
public final class Spool {
    /** Per buffer; at most a few MB in all with the bounded SMTP sessions. */
    static final int IN_MEMORY = 64 * 1024;
    private static final String PREFIX = "spool-";

    private final Path directory;

    public Spool(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
        sweep();
    }

    /** Nothing reads a spool file after a restart: the client got no 250 for it, and sends it again. */
    private void sweep() throws IOException {
        try (DirectoryStream<Path> left = Files.newDirectoryStream(directory, PREFIX + "*")) {
            for (Path f : left) {
                delete(f);
            }
        }
    }

    /** An empty working copy: write it, close it, read it, then discard it. */
    public SpoolBuffer buffer() {
        return new SpoolBuffer(directory, PREFIX);
    }

    /** The spool copy of one DATA: write the body, then {@link #commit()}; closing without commit discards it. */
    final class Writer implements AutoCloseable {
        private final SpoolBuffer buffer = buffer();
        private boolean committed;

        Writer(String receivedLine) throws IOException {
            buffer.write(receivedLine.getBytes(StandardCharsets.US_ASCII));
        }

        OutputStream body() {
            return buffer;
        }

        SpooledMessage commit() throws IOException {
            buffer.close();
            committed = true;
            return new SpooledMessage(buffer);
        }

        void discard() {
            buffer.discard();
        }

        @Override
        public void close() {
            if (!committed) {
                buffer.discard();
            }
        }
    }

    Writer open(String receivedLine) throws IOException {
        return new Writer(receivedLine);
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a left-over spool file is harmless; the next start removes it
        }
    }
}
