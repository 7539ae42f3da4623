package it.pecgateway.certs;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.config.ProviderConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfProvidersIndexTest {
    @Test
    void holdsOnlyThisProviderWithItsDomainsAndCertificate() {
        TestKeys keys = new TestKeys();
        TlsIdentity id = keys.signing("Example PEC S.p.A.", "posta-certificata@pec.example.it");
        SigningIdentity signing = new SigningIdentity(id.privateKey(), id.certificate(), List.of());
        ProviderConfig provider = new ProviderConfig("Example PEC S.p.A.", "posta-certificata@pec.example.it",
                List.of("pec.example.it", "legal.example.it"), List.of("localhost"));

        ProvidersIndex index = SelfProvidersIndex.of(provider, signing);

        assertThat(index.providers()).hasSize(1);
        assertThat(index.isPecDomain("PEC.example.it")).isTrue();
        assertThat(index.isPecDomain("legal.example.it")).isTrue();
        assertThat(index.isPecDomain("gmail.com")).isFalse();
        ProviderEntry self = index.providerOfCertificate(id.certificate()).orElseThrow();
        assertThat(self.name()).isEqualTo("Example PEC S.p.A.");
        assertThat(self.mailReceipt()).isEqualTo("posta-certificata@pec.example.it");
        assertThat(index.providerOfCertificate(keys.ca.certificate())).isEmpty();
    }
}
