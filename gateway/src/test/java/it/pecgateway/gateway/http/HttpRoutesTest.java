package it.pecgateway.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpRoutesTest {
    final HttpRoutes routes = new HttpRoutes().get("/health", () -> HttpReply.json(200, "{}"));

    @Test
    void aKnownPathAnswersGetAndHeadIgnoringTheQuery() {
        assertThat(routes.handle("GET", "/health").status()).isEqualTo(200);
        assertThat(routes.handle("HEAD", "/health?x=1").status()).isEqualTo(200);
    }

    @Test
    void anUnknownPathIs404() {
        HttpReply reply = routes.handle("GET", "/healthz");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(new String(reply.body())).isEqualTo("{\"error\":\"not found\"}");
    }

    @Test
    void anotherMethodIs405WithAllow() {
        HttpReply reply = routes.handle("DELETE", "/health");
        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.headers()).containsEntry("Allow", "GET, HEAD");
    }

    @Test
    void aMountedSubtreeGetsEveryRequestUnderItsPrefix() {
        HttpRoutes mounted = new HttpRoutes().get("/health", () -> HttpReply.json(200, "{}"))
                .mount("/api/", request -> HttpReply.json(200, "{\"path\":\"" + request.path() + "\"}"));

        assertThat(new String(mounted.handle("DELETE", "/api/v1/mailboxes/a@b").body())).isEqualTo("{\"path\":\"/api/v1/mailboxes/a@b\"}");
        assertThat(mounted.handle("GET", "/apix").status()).isEqualTo(404);
        assertThat(mounted.handle("GET", "/health").status()).isEqualTo(200);
    }
}
