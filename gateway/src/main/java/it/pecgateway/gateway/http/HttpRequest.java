package it.pecgateway.gateway.http;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request independent of Netty, so routes are tested as plain functions.
 *
 * @param path    the raw path of the request target (percent-encoding kept), without the query
 * @param query   query parameters, decoded; the first value of each name
 * @param headers header values by lower-case name; repeated headers joined with {@code ", "} ({@code "; "} for cookies)
 * @param secure  whether the request came over TLS: credentials are accepted only then
 */
public record HttpRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                          byte[] body, boolean secure, Optional<InetSocketAddress> remote) {

    public HttpRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /** A request without headers or body (tests, and the plain {@code get} routes). */
    public static HttpRequest of(String method, String uri) {
        int q = uri.indexOf('?');
        return new HttpRequest(method, q < 0 ? uri : uri.substring(0, q), q < 0 ? Map.of() : parseQuery(uri.substring(q + 1)),
                Map.of(), new byte[0], false, Optional.empty());
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /** The value of a cookie sent in the {@code Cookie} header. */
    public Optional<String> cookie(String name) {
        return header("cookie").flatMap(all -> {
            for (String pair : all.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                    return Optional.of(pair.substring(eq + 1).trim());
                }
            }
            return Optional.empty();
        });
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The client's IP address as text, or "" when unknown; for throttling and logs. */
    public String remoteAddress() {
        return remote.map(r -> r.getAddress() == null ? r.getHostString() : r.getAddress().getHostAddress()).orElse("");
    }

    public HttpRequest withPath(String newPath) {
        return new HttpRequest(method, newPath, query, headers, body, secure, remote);
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                result.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                // a malformed escape: the parameter is dropped, the route then finds it missing
            }
        }
        return result;
    }

    /** Keeps the body (passwords) out of logs. */
    @Override
    public String toString() {
        return method + " " + path + (secure ? " (TLS)" : "");
    }

    /** Headers of a request in the making (the Netty side and tests). */
    public static Map<String, String> headers(List<Map.Entry<String, String>> entries) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : entries) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            String separator = name.equals("cookie") ? "; " : ", ";
            result.merge(name, e.getValue(), (a, b) -> a + separator + b);
        }
        return result;
    }
}
