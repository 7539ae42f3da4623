package it.pecgateway.mailstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.mailstore.LogEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogHashingTest {
    private static final LogEvent EVENT = new LogEvent("opec1@pec.example", Instant.ofEpochMilli(1740823200123L),
            "accettazione", "a@pec.example", List.of("b@x.example", "c@x.example"), "Prova ü", List.of("<r1@pec>"),
            Optional.of("peer.example"), Optional.empty());

    @Test
    void theHashIsSha256OfTheDocumentedSerialisation() throws Exception {
        String canonical = "pec-legal-log/1\n" + "1:7\n" + "64:" + LogHashing.GENESIS + "\n" + "17:opec1@pec.example\n"
                + "13:1740823200123\n" + "12:accettazione\n" + "13:a@pec.example\n" + "2#11:b@x.example\n11:c@x.example\n"
                + "8:Prova ü\n" + "1#8:<r1@pec>\n" + "+12:peer.example\n" + "-\n";
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        assertThat(LogHashing.hash(7, LogHashing.GENESIS, EVENT)).isEqualTo(expected);
    }

    @Test
    void movingTextBetweenFieldsChangesTheHash() {
        LogEvent a = new LogEvent("id", EVENT.time(), "t", "s", List.of("x,y"), "subject", List.of(), Optional.empty(),
                Optional.empty());
        LogEvent b = new LogEvent("id", EVENT.time(), "t", "s", List.of("x", "y"), "subject", List.of(), Optional.empty(),
                Optional.empty());
        LogEvent c = new LogEvent("id", EVENT.time(), "t", "s", List.of(), "subject", List.of(), Optional.empty(),
                Optional.of(""));
        LogEvent d = new LogEvent("id", EVENT.time(), "t", "s", List.of(), "subject", List.of(), Optional.empty(),
                Optional.empty());
        assertThat(LogHashing.hash(1, LogHashing.GENESIS, a)).isNotEqualTo(LogHashing.hash(1, LogHashing.GENESIS, b));
        assertThat(LogHashing.hash(1, LogHashing.GENESIS, c)).isNotEqualTo(LogHashing.hash(1, LogHashing.GENESIS, d));
        assertThat(LogHashing.hash(1, LogHashing.GENESIS, d)).isNotEqualTo(LogHashing.hash(2, LogHashing.GENESIS, d));
    }
}
