package it.pecgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.pecgateway.certs.ProviderEntry;
import it.pecgateway.certs.ProvidersIndexLdifWriter;
import it.pecgateway.mailstore.MutableClock;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /ready} over real HTTP: every condition met, then each condition broken for real and named in the answer. */
class ReadinessTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Gateway gateway;

    Gateway start(String extraYaml, Clock clock) throws Exception {
        gateway = TestConfigs.startGateway(dir, extraYaml, clock);
        return gateway;
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    HttpResponse<String> get(String path) throws Exception {
        return TestHttp.plain().get("http://127.0.0.1:" + gateway.httpPort().orElseThrow() + path);
    }

    JsonNode checks(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).get("checks");
    }

    @Test
    void aStartedGatewayIsReadyWithEveryCheckMet() throws Exception {
        start("", Clock.systemUTC());

        HttpResponse<String> r = get("/ready");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).contains("application/json; charset=utf-8");
        assertThat(r.body()).isEqualTo("{\"status\":\"READY\",\"checks\":{\"key-material\":\"ok\",\"listeners\":\"ok\","
                + "\"providers-index\":\"ok\",\"stopping\":\"ok\",\"store\":\"ok\"}}");
    }

    @Test
    void listenersThatStoppedMakeTheNodeNotReadyButStillAlive() throws Exception {
        start("", Clock.systemUTC());

        gateway.transport().stop(Duration.ofSeconds(1));
        HttpResponse<String> ready = get("/ready");

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(ready.body()).get("status").asText()).isEqualTo("NOT_READY");
        assertThat(checks(ready).get("listeners").asText()).isEqualTo("not listening: smtps, submission, mx");
        assertThat(checks(ready).get("store").asText()).isEqualTo("ok");
        assertThat(get("/health").statusCode()).as("liveness does not depend on readiness").isEqualTo(200);
    }

    @Test
    void anUnreachableStoreMakesTheNodeNotReady() throws Exception {
        start("", Clock.systemUTC());
        gateway.transport().stop(Duration.ofSeconds(1));

        gateway.store().close();
        HttpResponse<String> ready = get("/ready");

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(checks(ready).get("store").asText()).isEqualTo("unreachable (UNAVAILABLE)");
        assertThat(ready.body()).doesNotContain("Exception:", "\tat ");
    }

    @Test
    void aProvidersIndexFileNotYetLoadedHoldsReadinessUntilAValidOneAppears() throws Exception {
        // a provider entry without its MUST attributes: the whole file is refused
        Path index = Files.writeString(dir.resolve("index.ldif"), "dn: providerName=Half,o=postacert\nobjectClass: provider\n");
        start("providers-index: {ldif: index.ldif, reload-interval: 100ms}\n", Clock.systemUTC());

        HttpResponse<String> before = get("/ready");
        Files.writeString(index, ProvidersIndexLdifWriter.write(List.of(new ProviderEntry("PEC gateway (test)",
                "posta-certificata@pec.localhost", Set.of("pec.localhost"), List.of(gateway.keys().signing().certificate()),
                Set.of(it.pecgateway.certs.Fingerprints.sha1Hex(gateway.keys().signing().certificate()))))));
        HttpResponse<String> after = get("/ready");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (after.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            after = get("/ready");
        }

        assertThat(before.statusCode()).isEqualTo(503);
        assertThat(checks(before).get("providers-index").asText()).isEqualTo("not loaded from " + index);
        assertThat(after.statusCode()).isEqualTo(200);
    }

    @Test
    void keyMaterialThatExpiredWhileRunningMakesTheNodeNotReady() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        start("", clock);
        assertThat(get("/ready").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofDays(4000));
        HttpResponse<String> ready = get("/ready");

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(checks(ready).get("key-material").asText()).matches("(signing|TLS) certificate expired at \\d{4}-.*");
    }

    @Test
    void aStoppingGatewayIsNotReady() throws Exception {
        start("", Clock.systemUTC());
        Readiness readiness = gateway.readiness();

        gateway.close();

        assertThat(readiness.problems().get("stopping")).contains("the gateway is stopping");
    }
}
