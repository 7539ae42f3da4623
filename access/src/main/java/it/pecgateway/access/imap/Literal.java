package it.pecgateway.access.imap;

import it.pecgateway.mailstore.BodySource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bytes of one literal of a command: held in heap when small, spooled to a file when large. */
sealed interface Literal {

    long size();

    /** The literal as message bytes to store. */
    BodySource body() throws IOException;

    /** The literal as a command argument (UTF-8 text); only small literals qualify. */
    String text();

    /** Removes a spool file; idempotent. */
    void discard();

    record InMemory(byte[] bytes) implements Literal {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public BodySource body() {
            return BodySource.of(bytes);
        }

        @Override
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public void discard() {
        }
    }

    record Spooled(LiteralSpool spool) implements Literal {
        @Override
        public long size() {
            return spool.size();
        }

        @Override
        public BodySource body() throws IOException {
            Path file = spool.awaitWritten();
            return BodySource.of(file);
        }

        @Override
        public String text() {
            throw new ImapSyntaxException("Literal too large for this argument");
        }

        @Override
        public void discard() {
            spool.delete();
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless; the spool directory is cleaned at start
        }
    }
}
