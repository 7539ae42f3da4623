package it.pecgateway.gateway.antivirus;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.mailstore.BodySource;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A protocol test: our INSTREAM client against a fake clamd on loopback that speaks the real wire format. */
class ClamdScannerTest {
    private static FakeClamd clamd;

    @BeforeAll
    static void start() throws Exception {
        clamd = new FakeClamd(1 << 20);
    }

    @AfterAll
    static void stop() throws Exception {
        clamd.close();
    }

    private static ClamdScanner scanner(long maxBytes) {
        return new ClamdScanner("127.0.0.1", clamd.port(), Duration.ofSeconds(1), maxBytes);
    }

    private static BodySource body(String text) {
        return BodySource.of(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aCleanMessageIsClean() {
        assertThat(scanner(10 << 20).scan(body("Subject: hi\r\n\r\nnothing here\r\n")).verdict())
                .isEqualTo(VirusScanner.Verdict.CLEAN);
    }

    @Test
    void theEicarStringIsFoundAndNamed() {
        VirusScanner.ScanResult result = scanner(10 << 20).scan(body("Subject: v\r\n\r\n" + FakeClamd.EICAR + "\r\n"));

        assertThat(result.verdict()).isEqualTo(VirusScanner.Verdict.INFECTED);
        assertThat(result.detail()).isEqualTo("Eicar-Test-Signature");
    }

    @Test
    void aLargeMessageIsStreamedInChunks() {
        int before = clamd.chunksSeen.get();
        String big = "Subject: big\r\n\r\n" + "a".repeat(300_000) + FakeClamd.EICAR;

        assertThat(scanner(10 << 20).scan(body(big)).verdict()).isEqualTo(VirusScanner.Verdict.INFECTED);
        assertThat(clamd.chunksSeen.get() - before).isGreaterThanOrEqualTo(5);
    }

    @Test
    void clamdsOwnStreamLimitIsAnErrorNotClean() {
        VirusScanner.ScanResult result = scanner(10 << 20).scan(body("x".repeat(2 << 20)));

        assertThat(result.verdict()).isEqualTo(VirusScanner.Verdict.ERROR);
        assertThat(result.detail()).contains("size limit exceeded");
    }

    @Test
    void ourSizeLimitRefusesToScanWithoutConnecting() {
        assertThat(scanner(100).scan(body("x".repeat(101))).verdict()).isEqualTo(VirusScanner.Verdict.ERROR);
    }

    @Test
    void aSilentClamdTimesOutAsAnError() {
        clamd.silent = true;
        try {
            long start = System.nanoTime();
            VirusScanner.ScanResult result = scanner(10 << 20).scan(body("Subject: s\r\n\r\nx\r\n"));
            assertThat(result.verdict()).isEqualTo(VirusScanner.Verdict.ERROR);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2900));
        } finally {
            clamd.silent = false;
        }
    }

    @Test
    void anUnreachableClamdIsAnError() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        assertThat(new ClamdScanner("127.0.0.1", dead, Duration.ofSeconds(1), 1000).scan(body("x")).verdict())
                .isEqualTo(VirusScanner.Verdict.ERROR);
    }

    @Test
    void repliesAreInterpreted() {
        assertThat(ClamdScanner.interpret("stream: OK")).isEqualTo(VirusScanner.ScanResult.clean());
        assertThat(ClamdScanner.interpret("stream: Win.Test.EICAR_HDB-1 FOUND")).isEqualTo(VirusScanner.ScanResult.infected("Win.Test.EICAR_HDB-1"));
        assertThat(ClamdScanner.interpret("").verdict()).isEqualTo(VirusScanner.Verdict.ERROR);
    }
}
