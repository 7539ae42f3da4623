package it.pecgateway.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class HttpRequestHandlerTest {
    final HttpRoutes routes = new HttpRoutes()
            .get("/boom", () -> {
                throw new IllegalStateException("secret internals at it.pecgateway.Something");
            })
            .get("/ok", () -> HttpReply.json(200, "{}"));

    String exchange(Executor work, String rawRequest) {
        EmbeddedChannel channel = new EmbeddedChannel(HttpService.handlers(routes, work, 1024));
        channel.writeInbound(Unpooled.copiedBuffer(rawRequest, StandardCharsets.US_ASCII));
        channel.runPendingTasks();
        StringBuilder out = new StringBuilder();
        for (ByteBuf b = channel.readOutbound(); b != null; b = channel.readOutbound()) {
            out.append(b.toString(StandardCharsets.US_ASCII));
            b.release();
        }
        channel.finishAndReleaseAll();
        return out.toString();
    }

    @Test
    void aFailingRouteGives500WithoutAnyDetail() {
        String response = exchange(Runnable::run, "GET /boom HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 500 Internal Server Error").endsWith("{\"error\":\"internal error\"}")
                .doesNotContain("secret").doesNotContain("Exception");
    }

    @Test
    void aMalformedRequestGives400AndCloses() {
        String response = exchange(Runnable::run, "GET /ok HTTP/1.1\r\nHost x\r\nContent-Length: nope\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400 Bad Request").contains("connection: close");
    }

    @Test
    void aFullWorkQueueGives503() {
        Executor full = task -> {
            throw new RejectedExecutionException("full");
        };

        assertThat(exchange(full, "GET /ok HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 503 Service Unavailable");
    }

    @Test
    void aGoodRequestIsAnsweredAndKeptAlive() {
        String response = exchange(Runnable::run, "GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 200 OK").contains("content-length: 2").doesNotContain("connection: close");
    }

    @Test
    void aBodyOverTheLimitGives413WithAJsonMessage() {
        String response = exchange(Runnable::run, "POST /ok HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2000\r\n\r\n" + "x".repeat(2000));

        assertThat(response).startsWith("HTTP/1.1 413 Request Entity Too Large").contains("content-type: application/json")
                .endsWith("{\"error\":\"the request body is larger than 1024 bytes\"}");
    }

    @Test
    void aBodyOverTheLimitAnnouncedWithExpectContinueGives413WithAJsonMessage() {
        String response = exchange(Runnable::run, "POST /ok HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Expect: 100-continue\r\nContent-Length: 2000\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 413 Request Entity Too Large").contains("content-type: application/json")
                .endsWith("{\"error\":\"the request body is larger than 1024 bytes\"}");
    }

    @Test
    void aChunkedBodyOverTheLimitGives413WithAJsonMessage() {
        String chunk = "x".repeat(800);
        String response = exchange(Runnable::run, "POST /ok HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "320\r\n" + chunk + "\r\n320\r\n" + chunk + "\r\n0\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 413 Request Entity Too Large").contains("content-type: application/json")
                .endsWith("{\"error\":\"the request body is larger than 1024 bytes\"}");
    }
}
