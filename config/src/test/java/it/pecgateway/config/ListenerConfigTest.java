package it.pecgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.BindException;
import org.junit.jupiter.api.Test;

class ListenerConfigTest {
    @Test
    void aBindFailureNamesTheListenerWhereAndTheSystemsReason() {
        ListenerConfig http = new ListenerConfig(true, "127.0.0.1", 18080, TlsMode.NONE);

        String text = http.cannotListen("http", new IllegalStateException(new BindException("Address already in use")));

        assertThat(text).isEqualTo("cannot listen for http on 127.0.0.1:18080: Address already in use");
    }

    @Test
    void aPrivilegedPortRefusedSaysWhatToDo() {
        ListenerConfig smtps = new ListenerConfig(true, "0.0.0.0", 465, TlsMode.IMPLICIT);

        String text = smtps.cannotListen("smtps", new RuntimeException(new BindException("Permission denied")));

        assertThat(text).startsWith("cannot listen for smtps on 0.0.0.0:465: Permission denied (ports below 1024 need root")
                .contains("serve --dev");
    }

    @Test
    void anUnprivilegedPortRefusedGetsNoPortHint() {
        ListenerConfig high = new ListenerConfig(true, "10.9.9.9", 10465, TlsMode.IMPLICIT);

        assertThat(high.cannotListen("smtps", new BindException("Permission denied")))
                .isEqualTo("cannot listen for smtps on 10.9.9.9:10465: Permission denied");
    }
}
