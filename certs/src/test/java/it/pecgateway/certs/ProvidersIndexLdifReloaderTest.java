package it.pecgateway.certs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvidersIndexLdifReloaderTest {
    private static X509Certificate certificate;

    @TempDir
    Path dir;

    @BeforeAll
    static void certificates() throws Exception {
        certificate = TestCertificates.providerCertificate("Acme PEC", "posta-certificata@pec.acme.example");
    }

    private static String indexOf(String... domains) {
        return ProvidersIndexLdifWriter.write(List.of(new ProviderEntry("Acme PEC", "posta-certificata@pec.acme.example",
                Set.of(domains), List.of(certificate), Set.of(Fingerprints.sha1Hex(certificate)))));
    }

    @Test
    void aChangedFileReplacesTheSnapshotAndAnUnchangedOneDoesNot() throws Exception {
        Path file = dir.resolve("index.ldif");
        Files.writeString(file, indexOf("a.example"));
        ProvidersIndexLdifReloader reloader = new ProvidersIndexLdifReloader(file, ProvidersIndex.empty());

        assertThat(reloader.loaded()).isFalse();
        assertThat(reloader.reload()).isTrue();
        assertThat(reloader.loaded()).isTrue();
        assertThat(reloader.get().isPecDomain("a.example")).isTrue();
        assertThat(reloader.reload()).isFalse();

        Files.writeString(file, indexOf("b.example"));
        assertThat(reloader.reload()).isTrue();
        assertThat(reloader.get().isPecDomain("a.example")).isFalse();
        assertThat(reloader.get().isPecDomain("b.example")).isTrue();
    }

    @Test
    void anInvalidOrMissingFileKeepsThePreviousSnapshot() throws Exception {
        Path file = dir.resolve("index.ldif");
        Files.writeString(file, indexOf("a.example"));
        ProvidersIndexLdifReloader reloader = new ProvidersIndexLdifReloader(file, ProvidersIndex.empty());
        reloader.reload();
        ProvidersIndex good = reloader.get();

        Files.writeString(file, indexOf("b.example").replace("mailReceipt", "mailRecipe"));
        assertThat(reloader.reload()).isFalse();
        assertThat(reloader.get()).isSameAs(good);

        Files.delete(file);
        assertThat(reloader.reload()).isFalse();
        assertThat(reloader.get()).isSameAs(good);
    }

    @Test
    void theInitialSnapshotServesUntilAValidFileAppears() throws Exception {
        Path file = dir.resolve("later.ldif");
        ProvidersIndex initial = ProvidersIndex.empty();
        ProvidersIndexLdifReloader reloader = new ProvidersIndexLdifReloader(file, initial);

        assertThat(reloader.reload()).isFalse();
        assertThat(reloader.get()).isSameAs(initial);
        assertThat(reloader.loaded()).as("readiness waits for the file").isFalse();
    }

    @Test
    void theScheduledCheckPicksUpANewFileWithoutRestart() throws Exception {
        Path file = dir.resolve("index.ldif");
        Files.writeString(file, indexOf("a.example"));
        ProvidersIndexLdifReloader reloader = new ProvidersIndexLdifReloader(file, ProvidersIndex.empty());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            reloader.schedule(scheduler, Duration.ofMillis(50));
            assertThat(reloader.get().isPecDomain("a.example")).isTrue();

            Path next = dir.resolve("next.ldif");
            Files.writeString(next, indexOf("c.example"));
            Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!reloader.get().isPecDomain("c.example") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(reloader.get().isPecDomain("c.example")).isTrue();
        } finally {
            scheduler.shutdownNow();
        }
    }
}
