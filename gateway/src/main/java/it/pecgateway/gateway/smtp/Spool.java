package it.pecgateway.gateway.smtp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The spool directory: one file per DATA, written with our Received line first and fsynced before acceptance. */
public final class Spool {
    private final Path directory;

    public Spool(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    /** An open spool file: write the body, then {@link #commit()} (fsync) or {@link #discard()}. */
    final class Writer implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;
        private final OutputStream out;
        private boolean committed;

        Writer(String receivedLine) throws IOException {
            file = Files.createTempFile(directory, "in-", ".eml");
            channel = FileChannel.open(file, StandardOpenOption.WRITE);
            out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
            out.write(receivedLine.getBytes(StandardCharsets.US_ASCII));
        }

        OutputStream body() {
            return out;
        }

        SpooledMessage commit() throws IOException {
            out.flush();
            channel.force(true);
            committed = true;
            return new SpooledMessage(file, channel.size());
        }

        void discard() {
            close();
            delete(file);
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                // nothing to save: the file is removed or was already forced to disk
            }
            if (!committed) {
                delete(file);
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
            // a left-over spool file is harmless; it is swept at start
        }
    }
}
