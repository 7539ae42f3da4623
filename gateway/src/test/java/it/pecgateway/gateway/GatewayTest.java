package it.pecgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.pecgateway.certs.PemFiles;
import it.pecgateway.config.ConfigLoader;
import it.pecgateway.config.GatewayConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway started in-process on port 0, spoken to by the JDK HTTP client over plain HTTP and HTTPS. */
class GatewayTest {
    @TempDir
    Path dir;
    Gateway gateway;

    Gateway start(String httpTls) throws Exception {
        Path file = Files.writeString(dir.resolve("pec-gateway.yaml"), TestConfigs.loopbackOnPortZero(httpTls));
        GatewayConfig config = ConfigLoader.load(file);
        gateway = Gateway.start(config, Clock.systemUTC());
        return gateway;
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    String base(String scheme) {
        return scheme + "://" + (scheme.equals("https") ? "localhost" : "127.0.0.1") + ":" + gateway.httpPort().orElseThrow();
    }

    X509Certificate ca() throws IOException {
        return PemFiles.readCertificates(dir.resolve("data/pki/ca.pem")).get(0);
    }

    @Test
    void healthAnswersOverPlainHttpAndOverHttpsTrustingTheDevelopmentCa() throws Exception {
        start("starttls-optional");

        HttpResponse<String> plain = TestHttp.plain().get(base("http") + "/health");
        HttpResponse<String> tls = TestHttp.trusting(ca()).get(base("https") + "/health");

        for (HttpResponse<String> r : java.util.List.of(plain, tls)) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("content-type")).contains("application/json; charset=utf-8");
            assertThat(r.body()).isEqualTo("{\"status\":\"UP\",\"checks\":{\"deadlocks\":\"UP\"}}");
        }
        assertThat(tls.sslSession()).hasValueSatisfying(s -> assertThat(s.getProtocol()).isIn("TLSv1.3", "TLSv1.2"));
        assertThat(plain.sslSession()).isEmpty();
    }

    @Test
    void metricsExposeJvmMetricsInThePrometheusFormat() throws Exception {
        start("starttls-optional");

        HttpResponse<String> r = TestHttp.plain().get(base("http") + "/metrics");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).contains(GatewayMetrics.CONTENT_TYPE);
        assertThat(r.body()).contains("# TYPE jvm_memory_used_bytes gauge", "jvm_gc_", "jvm_threads_live_threads",
                "jvm_classes_loaded_classes", "system_cpu_count", "process_uptime_seconds");
    }

    @Test
    void unknownPathsAndWrongMethodsGetCleanErrors() throws Exception {
        start("starttls-optional");
        TestHttp http = TestHttp.plain();

        HttpResponse<String> missing = http.get(base("http") + "/admin/../etc/passwd");
        HttpResponse<String> post = http.send("POST", base("http") + "/health");
        HttpResponse<String> head = http.send("HEAD", base("http") + "/health?verbose=1");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"error\":\"not found\"}");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("allow")).contains("GET, HEAD");
        assertThat(post.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void aFailingLivenessCheckMakesHealthAnswer503() throws Exception {
        start("starttls-optional");
        gateway.health().register("workers", () -> false);

        HttpResponse<String> r = TestHttp.plain().get(base("http") + "/health");

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).isEqualTo("{\"status\":\"DOWN\",\"checks\":{\"deadlocks\":\"UP\",\"workers\":\"DOWN\"}}");
    }

    @Test
    void anImplicitTlsListenerRefusesPlainHttp() throws Exception {
        start("implicit");

        assertThat(TestHttp.trusting(ca()).get(base("https") + "/health").statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> TestHttp.plain().get(base("http") + "/health")).isInstanceOf(IOException.class);
    }

    @Test
    void afterAStopThePortIsClosedAndASecondStartReusesThePki() throws Exception {
        start("starttls-optional");
        String fingerprint = gateway.keys().caFingerprint();
        int firstPort = gateway.httpPort().orElseThrow();
        gateway.close();

        assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", firstPort).close()).isInstanceOf(ConnectException.class);

        gateway = Gateway.start(ConfigLoader.load(dir.resolve("pec-gateway.yaml")), Clock.systemUTC());
        assertThat(gateway.keys().caFingerprint()).isEqualTo(fingerprint);
        assertThat(TestHttp.trusting(ca()).get(base("https") + "/health").statusCode()).isEqualTo(200);
    }
}
