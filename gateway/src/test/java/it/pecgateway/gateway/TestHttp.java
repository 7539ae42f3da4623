package it.pecgateway.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;

/** A real HTTP client (the JDK's) for end-to-end tests, optionally trusting one CA for HTTPS. */
public final class TestHttp {
    private final HttpClient client;

    private TestHttp(HttpClient client) {
        this.client = client;
    }

    public static TestHttp plain() {
        return new TestHttp(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    public static TestHttp trusting(X509Certificate ca) throws Exception {
        return new TestHttp(HttpClient.newBuilder().sslContext(TestTls.trusting(ca)).connectTimeout(Duration.ofSeconds(5)).build());
    }

    public HttpResponse<String> get(String uri) throws Exception {
        return send("GET", uri);
    }

    public HttpResponse<String> send(String method, String uri) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
