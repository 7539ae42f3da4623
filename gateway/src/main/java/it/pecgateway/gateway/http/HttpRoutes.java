package it.pecgateway.gateway.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The table of HTTP endpoints: path, allowed methods, and the answer. Unknown paths get 404, known paths with
 * another method 405 with {@code Allow}; the admin API adds its routes here. No Netty in here, so it is tested
 * as plain functions.
 */
public final class HttpRoutes {
    private record Route(Set<String> methods, Supplier<HttpReply> handler) { }

    private final Map<String, Route> routes = new LinkedHashMap<>();

    /** Registers a read-only endpoint answering GET and HEAD. */
    public HttpRoutes get(String path, Supplier<HttpReply> handler) {
        routes.put(path, new Route(Set.of("GET", "HEAD"), handler));
        return this;
    }

    /** @param uri the request target; a query string is ignored */
    public HttpReply handle(String method, String uri) {
        int query = uri.indexOf('?');
        Route route = routes.get(query < 0 ? uri : uri.substring(0, query));
        if (route == null) {
            return HttpReply.error(404, "not found");
        }
        if (!route.methods().contains(method)) {
            return HttpReply.error(405, "method not allowed").withHeader("Allow", String.join(", ", new TreeSet<>(route.methods())));
        }
        return route.handler().get();
    }
}
