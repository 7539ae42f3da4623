package it.pecgateway.gateway.ops.autoconfig;

import it.pecgateway.gateway.http.HttpRoutes;
import java.util.Set;

/** Client autoconfiguration on the HTTP listener: plain HTTP and HTTPS alike (it holds no secret). */
public final class AutoconfigRoutes {
    private AutoconfigRoutes() {
    }

    public static HttpRoutes register(HttpRoutes routes, ClientSettings settings) {
        ThunderbirdAutoconfig thunderbird = new ThunderbirdAutoconfig(settings);
        OutlookAutodiscover outlook = new OutlookAutodiscover(settings);
        for (String path : Set.of("/.well-known/autoconfig/mail/config-v1.1.xml", "/mail/config-v1.1.xml")) {
            routes.route(Set.of("GET", "HEAD"), path, thunderbird::answer);
        }
        // Outlook asks with either spelling
        for (String path : Set.of("/autodiscover/autodiscover.xml", "/Autodiscover/Autodiscover.xml")) {
            routes.route(Set.of("POST"), path, outlook::answer);
        }
        return routes;
    }
}
