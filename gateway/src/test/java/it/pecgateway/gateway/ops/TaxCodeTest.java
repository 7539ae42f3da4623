package it.pecgateway.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaxCodeTest {
    @Test
    void aPersonsCodeWithTheRightCheckCharacterIsValidInAnyCase() {
        assertThat(TaxCode.normalize("RSSMRA85T10A562S")).contains("RSSMRA85T10A562S");
        assertThat(TaxCode.normalize("rssmra85t10a562s")).contains("RSSMRA85T10A562S");
        assertThat(TaxCode.normalize(" RSSMRA 85T10 A562S ")).contains("RSSMRA85T10A562S");
    }

    @Test
    void aWrongCheckCharacterOrFormIsRefused() {
        assertThat(TaxCode.isValid("RSSMRA85T10A562T")).isFalse();
        assertThat(TaxCode.isValid("RSSMRA85T10A562")).isFalse();
        assertThat(TaxCode.isValid("RSSMRA85Z10A562S")).as("Z is no month letter").isFalse();
        assertThat(TaxCode.isValid("1SSMRA85T10A562S")).isFalse();
        assertThat(TaxCode.isValid("")).isFalse();
        assertThat(TaxCode.isValid(null)).isFalse();
    }

    @Test
    void anOmocodeIsValidWithItsOwnCheckCharacter() {
        // the last digit of the place code (2) replaced by its letter (N): the check character changes with it
        String omocode = "RSSMRA85T10A56N";
        String full = omocode + TaxCode.personCheck(omocode);
        assertThat(TaxCode.isValid(full)).isTrue();
        assertThat(full.charAt(15)).isNotEqualTo('S');
    }

    @Test
    void anOrganisationsElevenDigitCodeIsCheckedToo() {
        assertThat(TaxCode.isValid("00488410010")).as("a well-known company's code").isTrue();
        assertThat(TaxCode.isValid("00488410011")).isFalse();
        assertThat(TaxCode.isValid("0048841001")).isFalse();
    }
}
