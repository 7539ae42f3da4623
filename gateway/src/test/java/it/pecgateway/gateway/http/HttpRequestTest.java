package it.pecgateway.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpRequestTest {
    @Test
    void theQueryIsDecodedAndTheFirstValueWins() {
        HttpRequest r = HttpRequest.of("GET", "/api/v1/log?address=alice%40pec.localhost&from=2026-01-01&address=x&bad=%zz");

        assertThat(r.path()).isEqualTo("/api/v1/log");
        assertThat(r.queryParameter("address")).contains("alice@pec.localhost");
        assertThat(r.queryParameter("from")).contains("2026-01-01");
        assertThat(r.queryParameter("bad")).isEmpty();
    }

    @Test
    void headersAreFoundByAnyCaseAndCookiesAcrossRepeatedHeaders() {
        Map<String, String> headers = HttpRequest.headers(List.of(Map.entry("Content-Type", "application/json"),
                Map.entry("Cookie", "a=1; __Host-pecgw=tok"), Map.entry("cookie", "b=2")));
        HttpRequest r = new HttpRequest("POST", "/x", Map.of(), headers, new byte[0], true, java.util.Optional.empty());

        assertThat(r.header("CONTENT-TYPE")).contains("application/json");
        assertThat(r.cookie("__Host-pecgw")).contains("tok");
        assertThat(r.cookie("b")).contains("2");
        assertThat(r.cookie("c")).isEmpty();
    }

    @Test
    void theTextFormNeverShowsTheBody() {
        HttpRequest r = new HttpRequest("POST", "/api/v1/session", Map.of(), Map.of(),
                "{\"password\":\"Secret-123\"}".getBytes(), true, java.util.Optional.empty());

        assertThat(r.toString()).isEqualTo("POST /api/v1/session (TLS)").doesNotContain("Secret");
    }
}
