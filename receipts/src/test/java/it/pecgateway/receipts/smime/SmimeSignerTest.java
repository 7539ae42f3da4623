package it.pecgateway.receipts.smime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.pecgateway.receipts.testing.TestKit;
import org.junit.jupiter.api.Test;

class SmimeSignerTest {
    @Test
    void refusesToSignWithAFromThatIsNotTheCertificateAddress() {
        assertThatThrownBy(() -> new SmimeSigner(TestKit.pki().signing(), "someone@pec.example.it"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("From must equal the certificate's rfc822Name");
    }
}
