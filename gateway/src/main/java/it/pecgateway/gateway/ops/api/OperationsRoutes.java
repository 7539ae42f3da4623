package it.pecgateway.gateway.ops.api;

import it.pecgateway.gateway.http.HttpRoutes;
import it.pecgateway.gateway.ops.Operations;
import it.pecgateway.gateway.ops.autoconfig.AutoconfigRoutes;
import it.pecgateway.gateway.ops.autoconfig.ClientSettings;
import it.pecgateway.gateway.ops.panel.PanelRoutes;

/** Mounts issue 7's HTTP side on the listener's routes: the administration API, the holder's panel, autoconfiguration. */
public final class OperationsRoutes {
    private OperationsRoutes() {
    }

    public static HttpRoutes register(HttpRoutes routes, Operations ops, ClientSettings clients) {
        ApiRouter api = new ApiRouter(new Callers(ops.tokens(), ops.sessions()));
        new PublicApi(ops, clients).register(api);
        new HolderApi(ops).register(api);
        new MailboxApi(ops).register(api);
        new BulkApi(ops).register(api);
        routes.mount("/api/", api);
        routes.mount("/panel/", new PanelRoutes(ops.sessions()));
        routes.get("/panel", () -> new it.pecgateway.gateway.http.HttpReply(301, "text/plain; charset=utf-8", new byte[0],
                java.util.Map.of("Location", "/panel/")));
        return AutoconfigRoutes.register(routes, clients);
    }
}
