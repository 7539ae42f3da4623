package it.pecgateway.gateway.ops.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.pecgateway.gateway.http.HttpReply;
import it.pecgateway.gateway.ops.Actor;
import it.pecgateway.gateway.ops.HolderSessions;
import it.pecgateway.gateway.ops.Operations;
import it.pecgateway.gateway.ops.autoconfig.ClientEndpoint;
import it.pecgateway.gateway.ops.autoconfig.ClientSettings;
import it.pecgateway.mailstore.Credentials.Credential;
import it.pecgateway.mailstore.Mailbox;
import java.util.Locale;

/** What anyone may call over HTTPS: holder login, password reset and activation links, client settings. */
final class PublicApi {
    private final Operations ops;
    private final ClientSettings clients;

    PublicApi(Operations ops, ClientSettings clients) {
        this.ops = ops;
        this.clients = clients;
    }

    void register(ApiRouter router) {
        router.add("POST", "/api/v1/session", Access.PUBLIC, this::login)
                .add("POST", "/api/v1/password-reset", Access.PUBLIC, this::requestReset)
                .add("POST", "/api/v1/password-reset/inspect", Access.PUBLIC, this::inspect)
                .add("POST", "/api/v1/password-reset/complete", Access.PUBLIC, this::complete)
                .add("GET", "/api/v1/client-settings", Access.PUBLIC, call -> Json.reply(200, clientSettings(clients)));
    }

    private HttpReply login(ApiCall call) {
        HolderSessions.Session s = ops.sessions().login(call.required("address"), call.password("password"), call.http().remoteAddress());
        return Json.reply(201, Json.object().put("token", s.token()).put("address", s.address()).put("expiresAt", s.expiresAt().toString()));
    }

    private HttpReply requestReset(ApiCall call) {
        ops.resets().request(new Actor.Anonymous(call.http().remoteAddress()), call.required("address"), call.required("taxCode"));
        return Json.reply(202, Json.object().put("message", "if the address and the tax code match our records, a link"
                + " valid for a few hours has been sent to the recovery address on record"));
    }

    private HttpReply inspect(ApiCall call) {
        Credential link = ops.resets().inspect(call.required("token"));
        return Json.reply(200, Json.object().put("address", link.subject()).put("purpose", link.scope())
                .put("expiresAt", link.expiresAt().map(Object::toString).orElse(null))
                .put("passwordPolicy", ops.passwords().policy().summary()));
    }

    private HttpReply complete(ApiCall call) {
        boolean accepted = call.body().path("acceptConditions").asBoolean(false);
        Mailbox m = ops.resets().complete(call.required("token"), call.password("password"), accepted);
        return Json.reply(200, MailboxJson.summary(m));
    }

    static ObjectNode clientSettings(ClientSettings clients) {
        ObjectNode o = Json.object().put("host", clients.host());
        ArrayNode list = o.putArray("endpoints");
        for (ClientEndpoint e : clients.endpoints()) {
            list.addObject().put("protocol", e.protocol().name()).put("host", e.host()).put("port", e.port())
                    .put("tls", e.implicit() ? "implicit" : "starttls").put("security", e.security())
                    .put("listener", e.listener().toLowerCase(Locale.ROOT));
        }
        o.put("username", "your full PEC address");
        return o;
    }
}
