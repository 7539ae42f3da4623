package it.pecgateway.gateway.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The table of HTTP endpoints: path, allowed methods, and the answer. Unknown paths get 404, known paths with
 * another method 405 with {@code Allow}. Whole subtrees (the administration API, the panel) are mounted under a
 * prefix and route their own requests. No Netty in here, so it is tested as plain functions.
 */
public final class HttpRoutes {
    private record Route(Set<String> methods, Function<HttpRequest, HttpReply> handler) { }

    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final Map<String, Function<HttpRequest, HttpReply>> mounts = new LinkedHashMap<>();

    /** Registers a read-only endpoint answering GET and HEAD. */
    public HttpRoutes get(String path, Supplier<HttpReply> handler) {
        routes.put(path, new Route(Set.of("GET", "HEAD"), request -> handler.get()));
        return this;
    }

    /** Registers an endpoint for the given methods that reads the request. */
    public HttpRoutes route(Set<String> methods, String path, Function<HttpRequest, HttpReply> handler) {
        routes.put(path, new Route(Set.copyOf(methods), handler));
        return this;
    }

    /** Hands every request whose path starts with {@code prefix} (which ends with '/') to {@code handler}. */
    public HttpRoutes mount(String prefix, Function<HttpRequest, HttpReply> handler) {
        mounts.put(prefix, handler);
        return this;
    }

    /** @param uri the request target; a query string is ignored */
    public HttpReply handle(String method, String uri) {
        return handle(HttpRequest.of(method, uri));
    }

    public HttpReply handle(HttpRequest request) {
        Route route = routes.get(request.path());
        if (route == null) {
            for (Map.Entry<String, Function<HttpRequest, HttpReply>> mount : mounts.entrySet()) {
                if (request.path().startsWith(mount.getKey())) {
                    return mount.getValue().apply(request);
                }
            }
            return HttpReply.error(404, "not found");
        }
        if (!route.methods().contains(request.method())) {
            return HttpReply.error(405, "method not allowed").withHeader("Allow", String.join(", ", new TreeSet<>(route.methods())));
        }
        return route.handler().apply(request);
    }
}
