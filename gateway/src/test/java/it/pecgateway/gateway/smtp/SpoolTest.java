package it.pecgateway.gateway.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SpoolTest {

    @Test
    void aSmallMessageStaysInMemoryAndReadsBackWhole() throws Exception {
        Path dir = Files.createTempDirectory("spool");
        SpoolBuffer buffer = new Spool(dir).buffer();
        byte[] bytes = bytes(Spool.IN_MEMORY);
        buffer.write(bytes, 0, 10);
        buffer.write(bytes[10]);
        buffer.write(bytes, 11, bytes.length - 11);
        buffer.close();

        assertThat(files(dir)).isZero();
        assertThat(buffer.size()).isEqualTo(bytes.length);
        assertThat(readAll(buffer)).isEqualTo(bytes);
        assertThat(readAll(buffer)).as("read a second time").isEqualTo(bytes);
    }

    @Test
    void aLargeMessageGoesToAFileThatDiscardRemoves() throws Exception {
        Path dir = Files.createTempDirectory("spool");
        SpoolBuffer buffer = new Spool(dir).buffer();
        byte[] bytes = bytes(3 * Spool.IN_MEMORY + 17);
        for (int i = 0; i < bytes.length; i += 1000) {
            buffer.write(bytes, i, Math.min(1000, bytes.length - i));
        }
        buffer.close();

        assertThat(files(dir)).isEqualTo(1);
        assertThat(buffer.size()).isEqualTo(bytes.length);
        assertThat(readAll(buffer)).isEqualTo(bytes);
        buffer.discard();
        assertThat(files(dir)).isZero();
    }

    @Test
    void filesLeftByACrashAreRemovedAtTheNextStart() throws Exception {
        Path dir = Files.createTempDirectory("spool");
        SpoolBuffer left = new Spool(dir).buffer();
        left.write(bytes(Spool.IN_MEMORY + 1));
        left.close();
        Files.writeString(dir.resolve("not-ours.txt"), "kept");
        assertThat(files(dir)).isEqualTo(2);

        new Spool(dir);

        assertThat(files(dir)).isEqualTo(1);
        assertThat(dir.resolve("not-ours.txt")).exists();
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    private static byte[] readAll(SpoolBuffer buffer) throws Exception {
        try (InputStream in = buffer.open()) {
            return in.readAllBytes();
        }
    }

    private static long files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
