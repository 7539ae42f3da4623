package it.pecgateway.gateway.ops.api;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.gateway.ops.OpsFixture;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP listener serves plain HTTP too (health): the API and the panel refuse it, credentials unchecked. */
class TlsOnlyTest {
    @TempDir
    static Path dir;
    static OpsFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = OpsFixture.start(dir);
        f.activeMember("tina@pec.localhost", "tina@example.org", "Tina-pw-2024");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void credentialsOverPlainHttpAreRefusedWithoutBeingChecked() throws Exception {
        f.activeMember("ugo@pec.localhost", "ugo@example.org", "Ugo-pw-20245");
        String operator = f.operatorToken("plain-test");
        for (int i = 0; i < 12; i++) {
            ApiClient.Answer a = f.plain.post("/api/v1/session", null, Map.of("address", "ugo@pec.localhost", "password", "wrong-" + i));
            assertThat(a.status()).isEqualTo(403);
            assertThat(a.field("error")).isEqualTo("https_required");
        }
        ApiClient.Answer rightPassword = f.plain.post("/api/v1/session", null, Map.of("address", "ugo@pec.localhost", "password", "Ugo-pw-20245"));
        ApiClient.Answer token = f.plain.get("/api/v1/domains", operator);
        ApiClient.Answer forged = f.plain.get("/api/v1/domains", "pgw_forged");

        assertThat(rightPassword.status()).isEqualTo(403);
        assertThat(rightPassword.field("message")).contains("HTTPS only");
        assertThat(token.status()).as("not 200: the token is not even looked at").isEqualTo(403);
        assertThat(forged.status()).as("not 401: the token is not even looked at").isEqualTo(403);
        assertThat(f.gateway.store().credentials().list("holder-session", Optional.of("ugo@pec.localhost"), f.clock.instant()))
                .as("no session was made over plain HTTP").isEmpty();
        ApiClient.Answer overTls = f.https.post("/api/v1/session", null, Map.of("address", "ugo@pec.localhost", "password", "Ugo-pw-20245"));
        assertThat(overTls.status()).as("twelve wrong passwords over plain HTTP were never counted").isEqualTo(201);
    }

    @Test
    void thePanelOverPlainHttpIsRedirectedToHttps() throws Exception {
        int port = f.gateway.httpPort().orElseThrow();
        String response;
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.getOutputStream().write(("GET /panel/ HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            response = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }

        assertThat(response).startsWith("HTTP/1.1 301").containsIgnoringCase("location: https://localhost:" + port + "/panel/");
        assertThat(f.plain.post("/panel/session", null, Map.of("address", "tina@pec.localhost", "password", "Tina-pw-2024")).status())
                .isEqualTo(403);
    }

    @Test
    void thePanelIsServedWithAStrictContentSecurityPolicy() throws Exception {
        for (String file : new String[] {"/panel/", "/panel/panel.js", "/panel/panel.css"}) {
            ApiClient.Answer a = f.https.get(file, null);
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.raw().headers().firstValue("content-security-policy")).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe"));
            assertThat(a.raw().headers().firstValue("x-frame-options")).contains("DENY");
            assertThat(a.text()).doesNotContain("http://").doesNotContain("//cdn").doesNotContain("<script>").doesNotContain("style=");
        }
    }

    @Test
    void thePanelCookieIsSecureHttpOnlyAndChangesNeedTheCsrfToken() throws Exception {
        ApiClient.Answer login = f.https.post("/panel/session", null, Map.of("address", "tina@pec.localhost", "password", "Tina-pw-2024"));
        String cookie = login.raw().headers().firstValue("set-cookie").orElseThrow();
        String value = cookie.substring(0, cookie.indexOf(';'));
        Map<String, String> withCookie = Map.of("Cookie", value);

        ApiClient.Answer read = f.https.call("GET", "/api/v1/me", withCookie, null);
        ApiClient.Answer noCsrf = f.https.call("PUT", "/api/v1/me/rule", withCookie, Map.of("rule", "anomaly"));
        ApiClient.Answer wrongCsrf = f.https.call("PUT", "/api/v1/me/rule", Map.of("Cookie", value, "X-CSRF-Token", "0".repeat(64)),
                Map.of("rule", "anomaly"));
        ApiClient.Answer withCsrf = f.https.call("PUT", "/api/v1/me/rule", Map.of("Cookie", value, "X-CSRF-Token", login.field("csrf")),
                Map.of("rule", "anomaly"));

        assertThat(login.status()).isEqualTo(201);
        assertThat(cookie).startsWith("__Host-pecgw-session=pgs_").contains("Secure", "HttpOnly", "SameSite=Strict", "Path=/")
                .doesNotContain("Domain");
        assertThat(login.text()).doesNotContain(value.substring(value.indexOf('=') + 1));
        assertThat(read.status()).isEqualTo(200);
        assertThat(noCsrf.status()).isEqualTo(403);
        assertThat(wrongCsrf.status()).isEqualTo(403);
        assertThat(withCsrf.status()).isEqualTo(200);
    }
}
