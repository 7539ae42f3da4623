package it.pecgateway.receipts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A re-readable sequence of bytes: a spool file or an array. Builders and the reader open it as often as they need
 * (usually once), so a 30 MB message never has to sit in the heap.
 */
public interface ByteSource {
    long size();

    InputStream open() throws IOException;

    static ByteSource of(byte[] bytes) {
        return new ByteSource() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }

    static ByteSource of(Path file) {
        return new ByteSource() {
            @Override
            public long size() {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }
        };
    }

    /** The bytes in [start, end) of this source, opened lazily. */
    default ByteSource slice(long start, long end) {
        ByteSource whole = this;
        return new ByteSource() {
            @Override
            public long size() {
                return end - start;
            }

            @Override
            public InputStream open() throws IOException {
                InputStream in = whole.open();
                in.skipNBytes(start);
                return new BoundedInputStream(in, end - start);
            }
        };
    }

    /** Reads the whole source; only for sources known to be small (daticert, tests). */
    default byte[] readAll() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }
}
