package it.pecgateway.gateway.relay;

import it.pecgateway.config.RelayConfig;
import java.util.List;
import java.util.Locale;

/**
 * Where mail for a domain goes: a static route from the configuration (private deployments, tests), else the
 * domain's MX hosts on port 25 in preference order, else the domain itself when it has an address (RFC 5321 5.1).
 */
public final class Router {
    static final int SMTP_PORT = 25;

    private final RelayConfig relay;
    private final MxResolver resolver;

    public Router(RelayConfig relay, MxResolver resolver) {
        this.relay = relay;
        this.resolver = resolver;
    }

    public Route route(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        RelayConfig.Route fixed = relay.staticRoutes().get(d);
        if (fixed != null) {
            return Route.of(List.of(new NextHop(fixed.host(), fixed.port(), NextHop.Source.STATIC_ROUTE)));
        }
        try {
            List<MxResolver.MxRecord> records = resolver.mx(d);
            if (records.stream().anyMatch(MxResolver.MxRecord::isNullMx)) {
                return Route.failed(true, d + " accepts no mail (null MX)");
            }
            if (!records.isEmpty()) {
                return Route.of(records.stream().sorted(java.util.Comparator.comparingInt(MxResolver.MxRecord::preference)).map(r -> new NextHop(r.host(), SMTP_PORT, NextHop.Source.MX)).toList());
            }
            if (resolver.hasAddress(d)) {
                return Route.of(List.of(new NextHop(d, SMTP_PORT, NextHop.Source.IMPLICIT_MX)));
            }
            return Route.failed(true, d + " has no MX and no address");
        } catch (MxResolver.DnsException e) {
            return Route.failed(e.permanent(), e.getMessage());
        }
    }

    /** The hops to try in order, or why there are none (a permanent failure bounces, a temporary one retries). */
    public record Route(List<NextHop> hops, boolean permanentFailure, String failure) {
        static Route of(List<NextHop> hops) {
            return new Route(List.copyOf(hops), false, "");
        }

        static Route failed(boolean permanent, String why) {
            return new Route(List.of(), permanent, why);
        }

        public boolean found() {
            return !hops.isEmpty();
        }
    }
}
