package it.pecgateway.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {
    @Test
    void quotedFieldsHoldSeparatorsQuotesAndLineBreaksAndKeepTheirStartingLine() {
        List<CsvRecords.Record> r = CsvRecords.parse("a@x.it,\"RSS, MRA\",\"say \"\"hi\"\"\"\r\n\r\nb@x.it,\"two\nlines\",z\nc@x.it,,\n");

        assertThat(r).extracting(CsvRecords.Record::line).containsExactly(1, 3, 5);
        assertThat(r.get(0).fields()).containsExactly("a@x.it", "RSS, MRA", "say \"hi\"");
        assertThat(r.get(1).fields()).containsExactly("b@x.it", "two\nlines", "z");
        assertThat(r.get(2).fields()).containsExactly("c@x.it", "", "");
    }

    @Test
    void semicolonsSeparateWhenTheFirstLineUsesThemAndAByteOrderMarkIsIgnored() {
        List<CsvRecords.Record> r = CsvRecords.parse("\uFEFFaddress;tax_code\na@x.it;RSSMRA85T10A562S");

        assertThat(r.get(0).fields()).containsExactly("address", "tax_code");
        assertThat(r.get(1).fields()).containsExactly("a@x.it", "RSSMRA85T10A562S");
    }

    @Test
    void anUnclosedQuoteIsAnErrorNamingItsLine() {
        assertThatThrownBy(() -> CsvRecords.parse("a,b\nc,\"open\n")).hasMessage("line 2: a quoted field is not closed");
    }
}
