package it.pecgateway.gateway.ops.sms;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Hands text messages to an SMS gateway through smstools' outgoing spool: one file per message, a header
 * {@code To: <number in international form without '+'>}, an empty line, then the text (ISO-8859-15, smstools'
 * default alphabet). smsd takes any file that appears in the directory, so the file is written and synced in a
 * temporary directory on the same file system and renamed into the spool in one step: smsd never sees half a
 * message. Other SMS gateways (Kannel's spool tools, gammu's files backend through a script) can read the same files.
 */
public final class SpoolSmsSender implements SmsSender {
    private final Path outgoing;
    private final Path temp;

    /** @throws IOException when the spool is missing or the two directories are on different file systems */
    public SpoolSmsSender(Path outgoing, Path temp) throws IOException {
        if (!Files.isDirectory(outgoing) || !Files.isWritable(outgoing)) {
            throw new IOException("the SMS spool " + outgoing + " does not exist or is not writable");
        }
        Files.createDirectories(temp);
        if (!Files.getFileStore(outgoing).equals(Files.getFileStore(temp))) {
            throw new IOException("the SMS temporary directory " + temp + " must be on the file system of " + outgoing
                    + " (messages are renamed into the spool)");
        }
        this.outgoing = outgoing;
        this.temp = temp;
    }

    @Override
    public void send(String phone, String text) throws IOException {
        String number = PhoneNumbers.normalize(phone).orElseThrow(() -> new IOException("not an international phone number"))
                .substring(1);
        String clean = text.replaceAll("[\\r\\n]+", " ").strip();
        if (clean.isEmpty() || clean.length() > MAX_TEXT || !StandardCharsets.ISO_8859_1.newEncoder().canEncode(clean)) {
            throw new IOException("an SMS text must be 1 to " + MAX_TEXT + " Latin-1 characters");
        }
        String name = "pec-gateway-" + UUID.randomUUID();
        Path file = temp.resolve(name);
        byte[] content = ("To: " + number + "\n\n" + clean + "\n").getBytes(StandardCharsets.ISO_8859_1);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(content));
            channel.force(true);
        }
        try {
            Files.move(file, outgoing.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(file);
            throw new IOException("cannot rename into the SMS spool " + outgoing + " in one step", e);
        }
    }
}
