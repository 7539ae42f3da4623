package it.pecgateway.receipts.smime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.cms.Time;
import org.junit.jupiter.api.Test;

class SigningTimeTest {

    @Test
    void derTimesReadDirectlyAgreeWithBouncyCastle() throws Exception {
        for (String s : List.of("1950-01-01T00:00:00Z", "1999-12-31T23:59:59Z", "2000-02-29T12:00:00Z",
                "2026-11-25T14:31:20Z", "2049-12-31T23:59:59Z", "2050-01-01T00:00:00Z", "2107-03-04T05:06:07Z")) {
            Instant t = Instant.parse(s);
            Time asn1 = new Time(Date.from(t)); // UTCTime from 1950 to 2049, GeneralizedTime otherwise
            assertThat(SignatureVerifier.plainDerTime(asn1.toASN1Primitive())).as(s).contains(t);
            assertThat(Time.getInstance(asn1.toASN1Primitive()).getDate().toInstant()).as(s).isEqualTo(t);
        }
        assertThat(SignatureVerifier.plainDerTime(SmimeSigner.utcTime(Instant.parse("2026-03-29T01:30:00Z"))))
                .contains(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void otherFormsAreLeftToBouncyCastle() throws Exception {
        assertThat(SignatureVerifier.plainDerTime(new ASN1GeneralizedTime("20261125143120.5Z"))).isEmpty();
        assertThat(SignatureVerifier.plainDerTime(new ASN1UTCTime("2611251431Z"))).isEmpty();
        assertThat(SignatureVerifier.plainDerTime(new ASN1UTCTime("261125143120+0100"))).isEmpty();
        assertThat(SignatureVerifier.plainDerTime(new ASN1UTCTime("261345143120Z"))).as("month 13").isEmpty();
    }
}
