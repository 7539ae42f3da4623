package it.pecgateway.gateway.ops.api;

import it.pecgateway.gateway.http.HttpReply;
import it.pecgateway.gateway.http.HttpRequest;
import it.pecgateway.gateway.ops.Actor;
import it.pecgateway.gateway.ops.OpsException;
import it.pecgateway.mailstore.MailStoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administration API's dispatcher: HTTPS only (over plain HTTP nothing is looked at, credentials included),
 * then the route, then the caller (credentials checked on every call), then the handler. Every refusal is a JSON
 * error with its status; an unexpected failure is a bare 500, logged here, never a stack trace on the wire.
 */
public final class ApiRouter implements Function<HttpRequest, HttpReply> {
    private static final Logger log = LoggerFactory.getLogger(ApiRouter.class);

    /** A route's work. */
    @FunctionalInterface
    public interface Handler {
        HttpReply handle(ApiCall call);
    }

    private record Route(String method, PathPattern pattern, Access access, Handler handler) { }

    private final List<Route> routes = new ArrayList<>();
    private final Callers callers;

    ApiRouter(Callers callers) {
        this.callers = callers;
    }

    ApiRouter add(String method, String path, Access access, Handler handler) {
        routes.add(new Route(method, PathPattern.of(path), access, handler));
        return this;
    }

    @Override
    public HttpReply apply(HttpRequest request) {
        if (!request.secure()) {
            return Json.error(403, "https_required", "the administration API answers over HTTPS only; nothing sent over plain"
                    + " HTTP was looked at, credentials included: send the request again to https://", List.of());
        }
        // errors too: their messages quote what the request sent
        return answer(request).withHeader("X-Content-Type-Options", "nosniff");
    }

    private HttpReply answer(HttpRequest request) {
        try {
            return dispatch(request);
        } catch (OpsException e) {
            HttpReply reply = Json.error(e);
            return e.kind() == OpsException.Kind.UNAUTHENTICATED ? reply.withHeader("WWW-Authenticate", "Bearer") : reply;
        } catch (MailStoreException e) {
            return e.reason() == MailStoreException.Reason.NOT_FOUND ? Json.error(404, "not_found", e.getMessage(), List.of())
                    : e.reason() == MailStoreException.Reason.INVALID ? Json.error(400, "bad_request", e.getMessage(), List.of())
                    : unexpected(request, e);
        } catch (RuntimeException e) {
            return unexpected(request, e);
        }
    }

    private HttpReply dispatch(HttpRequest request) {
        // HEAD is GET without the body (RFC 9110 9.3.2), which the listener leaves out when it writes the answer
        String method = request.method().equals("HEAD") ? "GET" : request.method();
        TreeSet<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Optional<Map<String, String>> names = route.pattern().match(request.path());
            if (names.isEmpty()) {
                continue;
            }
            if (!route.method().equals(method)) {
                allowed.add(route.method());
                if (route.method().equals("GET")) {
                    allowed.add("HEAD");
                }
                continue;
            }
            Optional<Callers.Caller> caller = route.access() == Access.PUBLIC ? anonymous(request) : callers.identify(request);
            require(route.access(), caller.map(Callers.Caller::actor));
            return route.handler().handle(new ApiCall(request, names.get(), caller.map(Callers.Caller::actor),
                    caller.flatMap(Callers.Caller::session)));
        }
        if (!allowed.isEmpty()) {
            return Json.error(405, "method_not_allowed", "use " + String.join(" or ", allowed), List.of())
                    .withHeader("Allow", String.join(", ", allowed));
        }
        return Json.error(404, "not_found", "no such endpoint: see docs/operations.md", List.of());
    }

    /** On a public route stale or wrong credentials do not stand in the way (logging in again with an old cookie). */
    private Optional<Callers.Caller> anonymous(HttpRequest request) {
        try {
            return callers.identify(request);
        } catch (OpsException e) {
            return Optional.empty();
        }
    }

    private static void require(Access access, Optional<Actor> actor) {
        if (access == Access.PUBLIC) {
            return;
        }
        Actor a = actor.orElseThrow(() -> new OpsException(OpsException.Kind.UNAUTHENTICATED,
                "credentials needed: Authorization: Bearer <API token or session token>"));
        boolean holder = a instanceof Actor.Holder;
        if (access == Access.HOLDER && !holder) {
            throw OpsException.forbidden("this is for a mailbox's holder, logged in with its password");
        }
        if (access == Access.ADMIN && holder) {
            throw OpsException.forbidden("this needs an operator's or postmaster's API token");
        }
    }

    private static HttpReply unexpected(HttpRequest request, RuntimeException e) {
        log.warn("{} failed", request, e);
        return Json.error(500, "internal_error", "internal error", List.of());
    }
}
