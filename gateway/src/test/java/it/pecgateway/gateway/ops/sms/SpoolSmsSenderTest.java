package it.pecgateway.gateway.ops.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolSmsSenderTest {
    @TempDir
    Path dir;

    List<Path> files(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.toList();
        }
    }

    @Test
    void aMessageBecomesOneSmstoolsFileInTheOutgoingSpoolAndNothingStaysBehind() throws IOException {
        Path outgoing = Files.createDirectories(dir.resolve("outgoing"));
        Path temp = dir.resolve("tmp");
        SmsSender sms = new SpoolSmsSender(outgoing, temp);

        sms.send("+39 333 123 4567", "Codice di conferma: 123456");

        List<Path> spooled = files(outgoing);
        assertThat(spooled).hasSize(1);
        assertThat(Files.readString(spooled.get(0), StandardCharsets.ISO_8859_1))
                .isEqualTo("To: 393331234567\n\nCodice di conferma: 123456\n");
        assertThat(files(temp)).isEmpty();
    }

    @Test
    void eachMessageHasItsOwnFile() throws IOException {
        Path outgoing = Files.createDirectories(dir.resolve("outgoing"));
        SmsSender sms = new SpoolSmsSender(outgoing, dir.resolve("tmp"));

        sms.send("0039 333 1234567", "one");
        sms.send("+393331234567", "two");

        assertThat(files(outgoing)).hasSize(2);
    }

    @Test
    void badNumbersAndTextsAreRefusedBeforeAnythingIsWritten() throws IOException {
        Path outgoing = Files.createDirectories(dir.resolve("outgoing"));
        SmsSender sms = new SpoolSmsSender(outgoing, dir.resolve("tmp"));

        assertThatThrownBy(() -> sms.send("3331234567", "x")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> sms.send("+393331234567", "x".repeat(161))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> sms.send("+393331234567", "\n")).isInstanceOf(IOException.class);
        assertThat(files(outgoing)).isEmpty();
    }

    @Test
    void aHeaderCannotBeSmuggledThroughTheText() throws IOException {
        Path outgoing = Files.createDirectories(dir.resolve("outgoing"));
        new SpoolSmsSender(outgoing, dir.resolve("tmp")).send("+393331234567", "hello\nTo: 390000000000\n\nspam");

        assertThat(Files.readString(files(outgoing).get(0), StandardCharsets.ISO_8859_1))
                .isEqualTo("To: 393331234567\n\nhello To: 390000000000 spam\n");
    }

    @Test
    void aMissingSpoolIsAClearError() {
        assertThatThrownBy(() -> new SpoolSmsSender(dir.resolve("absent"), dir.resolve("tmp")))
                .isInstanceOf(IOException.class).hasMessageContaining("does not exist");
    }

    @Test
    void phoneNumbersAreNormalizedAndMasked() {
        assertThat(PhoneNumbers.normalize("+39 (333) 123-45.67")).contains("+393331234567");
        assertThat(PhoneNumbers.normalize("333 1234567")).isEmpty();
        assertThat(PhoneNumbers.normalize("+0123456789")).isEmpty();
        assertThat(PhoneNumbers.masked("+393331234567")).isEqualTo("**********567");
    }
}
