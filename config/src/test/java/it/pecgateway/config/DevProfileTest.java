package it.pecgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevProfileTest {
    final Path cwd = Path.of("/tmp/somewhere");
    final GatewayConfig dev = DevProfile.config(cwd);

    @Test
    void listensOnLoopbackOnUnprivilegedPorts() {
        ListenersConfig l = dev.listeners();
        List<ListenerConfig> enabled = List.of(l.smtps(), l.submission(), l.mx(), l.imaps(), l.pop3s(), l.http());

        assertThat(enabled).allSatisfy(x -> {
            assertThat(x.enabled()).isTrue();
            assertThat(x.address()).isEqualTo("127.0.0.1");
        });
        assertThat(enabled).extracting(ListenerConfig::port).containsExactly(10465, 10587, 10025, 10993, 10995, 18080);
        assertThat(enabled).extracting(ListenerConfig::tls).containsExactly(TlsMode.IMPLICIT, TlsMode.STARTTLS_REQUIRED,
                TlsMode.STARTTLS_OPTIONAL, TlsMode.IMPLICIT, TlsMode.IMPLICIT, TlsMode.STARTTLS_OPTIONAL);
        assertThat(l.imap().enabled()).isFalse();
    }

    @Test
    void hostsPecLocalhostWithEmbeddedStorageUnderTheWorkingDirectory() {
        assertThat(dev.provider().name()).isEqualTo("PEC gateway (sviluppo)");
        assertThat(dev.provider().serviceAddress()).isEqualTo("posta-certificata@pec.localhost");
        assertThat(dev.provider().domains()).containsExactly("pec.localhost");
        assertThat(dev.dataDir()).isEqualTo(cwd.resolve("data"));
        assertThat(dev.storage().kind()).isEqualTo(StorageConfig.Kind.EMBEDDED);
        assertThat(dev.storage().embeddedPath()).isEqualTo(cwd.resolve("data/store"));
        assertThat(dev.keys().development()).isTrue();
    }
}
