package it.pecgateway.certs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Writes files so that a crash never leaves a half-written one and a secret is never readable by others, not
 * even for an instant: the file is created with its final permissions, filled, synced, then renamed into place.
 */
final class SecureFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private SecureFiles() {
    }

    /** @param secret true for private keys: mode 0600 from creation; otherwise 0644 */
    static void writeAtomically(Path target, byte[] content, boolean secret) throws IOException {
        Path temp = temporarySibling(target);
        try {
            try (FileChannel channel = FileChannel.open(temp,
                    java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    permissions(secret ? "rw-------" : "rw-r--r--"))) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(target.getParent());
    }

    /** Creates a directory only its owner can enter (mode 0700). */
    static void createPrivateDirectory(Path dir) throws IOException {
        Files.createDirectory(dir, permissions("rwx------"));
    }

    static Path temporarySibling(Path target) {
        return target.resolveSibling(target.getFileName() + ".tmp-" + HexFormat.of().formatHex(randomBytes()));
    }

    static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not every platform can sync a directory; the rename itself is still atomic
        }
    }

    private static FileAttribute<?>[] permissions(String mode) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))}
                : new FileAttribute<?>[0];
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return b;
    }
}
