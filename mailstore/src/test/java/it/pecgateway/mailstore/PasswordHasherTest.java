package it.pecgateway.mailstore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    @Test
    void owaspHashesArePhcStringsOfArgon2idWithTheirParameters() {
        String hash = PasswordHasher.OWASP.hash("correct horse".toCharArray());
        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(PasswordHasher.OWASP.verify("correct horse".toCharArray(), hash)).isTrue();
        assertThat(PasswordHasher.OWASP.verify("correct horsE".toCharArray(), hash)).isFalse();
    }

    @Test
    void theSamePasswordGetsADifferentSaltEachTime() {
        PasswordHasher h = new PasswordHasher(64, 1, 1);
        assertThat(h.hash("pw".toCharArray())).isNotEqualTo(h.hash("pw".toCharArray()));
    }

    @Test
    void aHashMadeWithOtherParametersStillVerifies() {
        String old = new PasswordHasher(128, 3, 2).hash("pw".toCharArray());
        assertThat(new PasswordHasher(64, 1, 1).verify("pw".toCharArray(), old)).isTrue();
    }

    @Test
    void malformedHashesNeverMatch() {
        PasswordHasher h = new PasswordHasher(64, 1, 1);
        assertThat(h.verify("pw".toCharArray(), "")).isFalse();
        assertThat(h.verify("pw".toCharArray(), "$argon2i$v=19$m=64,t=1,p=1$AAAA$AAAA")).isFalse();
        assertThat(h.verify("pw".toCharArray(), "$argon2id$v=19$m=x,t=1,p=1$AAAA$AAAA")).isFalse();
        assertThat(h.verify("pw".toCharArray(), "$argon2id$v=19$m=64,t=1,p=1$!!$AAAA")).isFalse();
    }

    @Test
    void nonAsciiPasswordsAreHashedAsUtf8() {
        PasswordHasher h = new PasswordHasher(64, 1, 1);
        String hash = h.hash("pàsswörd€".toCharArray());
        assertThat(h.verify("pàsswörd€".toCharArray(), hash)).isTrue();
        assertThat(h.verify("passwörd€".toCharArray(), hash)).isFalse();
    }
}
