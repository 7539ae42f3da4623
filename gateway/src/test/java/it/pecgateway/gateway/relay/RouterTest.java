package it.pecgateway.gateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.certs.ProviderEntry;
import it.pecgateway.certs.ProvidersIndex;
import it.pecgateway.config.RelayConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {

    /** DNS as a map: no network in tests. */
    private record FakeDns(Map<String, List<MxResolver.MxRecord>> mx, Set<String> addresses, Set<String> failing)
            implements MxResolver {
        @Override
        public List<MxRecord> mx(String domain) throws DnsException {
            if (failing.contains(domain)) {
                throw new DnsException("timeout", false, null);
            }
            if (!mx.containsKey(domain) && !addresses.contains(domain)) {
                throw new DnsException(domain + " does not exist", true, null);
            }
            return mx.getOrDefault(domain, List.of());
        }

        @Override
        public boolean hasAddress(String host) {
            return addresses.contains(host);
        }
    }

    private static final FakeDns DNS = new FakeDns(
            Map.of("pec.peer.example", List.of(new MxResolver.MxRecord(10, "mx1.peer.example"), new MxResolver.MxRecord(5, "mx0.peer.example")),
                    "nomail.example", List.of(new MxResolver.MxRecord(0, "."))),
            Set.of("bare.example"), Set.of("slow.example"));

    private static Router router(Map<String, RelayConfig.Route> routes) {
        return new Router(new RelayConfig(routes, List.of(Duration.ofMinutes(1)), Duration.ofHours(24), 2,
                Duration.ofSeconds(5), Duration.ofSeconds(5)), DNS);
    }

    @Test
    void aStaticRouteWinsOverDns() {
        Router.Route route = router(Map.of("pec.peer.example", new RelayConfig.Route("127.0.0.1", 2525))).route("PEC.peer.example");

        assertThat(route.hops()).containsExactly(new NextHop("127.0.0.1", 2525, NextHop.Source.STATIC_ROUTE));
    }

    @Test
    void mxHostsComeInPreferenceOrderOnPort25() {
        Router.Route route = router(Map.of()).route("pec.peer.example");

        assertThat(route.hops()).extracting(NextHop::host).containsExactly("mx0.peer.example", "mx1.peer.example");
        assertThat(route.hops()).allMatch(h -> h.port() == 25 && h.source() == NextHop.Source.MX);
    }

    @Test
    void aDomainWithoutMxButWithAnAddressIsItsOwnMx() {
        assertThat(router(Map.of()).route("bare.example").hops())
                .containsExactly(new NextHop("bare.example", 25, NextHop.Source.IMPLICIT_MX));
    }

    @Test
    void nullMxAndUnknownDomainsArePermanentAndDnsTimeoutsTemporary() {
        Router router = router(Map.of());

        assertThat(router.route("nomail.example").permanentFailure()).isTrue();
        assertThat(router.route("nowhere.example").permanentFailure()).isTrue();
        Router.Route slow = router.route("slow.example");
        assertThat(slow.found()).isFalse();
        assertThat(slow.permanentFailure()).isFalse();
    }

    @Test
    void jndiMxValuesParseBestFirstWithoutTheTrailingDot() {
        assertThat(JndiMxResolver.parse(List.of("20 MX2.Example.IT.", "10 mx1.example.it.", "garbage", "0 .")))
                .containsExactly(new MxResolver.MxRecord(0, "."), new MxResolver.MxRecord(10, "mx1.example.it"),
                        new MxResolver.MxRecord(20, "mx2.example.it"));
    }

    @Test
    void recipientsAreLocalPecOrOrdinary() {
        ProvidersIndex index = new ProvidersIndex(List.of(new ProviderEntry("Peer", "posta-certificata@pec.peer.example",
                Set.of("pec.peer.example", "pec.mine.example"), List.of(), Set.of())));
        RecipientClassifier classifier = new RecipientClassifier("pec.mine.example"::equals, () -> index);

        assertThat(classifier.classify("a@pec.mine.example")).isEqualTo(RecipientKind.LOCAL);
        assertThat(classifier.classify("b@PEC.Peer.example")).isEqualTo(RecipientKind.PEC);
        assertThat(classifier.classify("c@gmail.example")).isEqualTo(RecipientKind.ORDINARY);
        assertThat(classifier.isCertified("a@pec.mine.example")).isTrue();
        assertThat(classifier.isCertified("c@gmail.example")).isFalse();
    }
}
