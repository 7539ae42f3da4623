package it.pecgateway.gateway.ops.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.pecgateway.mailstore.LogEvent;
import it.pecgateway.mailstore.LogRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogExportTest {
    static final LogRecord RECORD = new LogRecord(7, new LogEvent("opec.1@pec.localhost", Instant.parse("2026-11-25T10:00:00.123Z"),
            "accettazione", "alice@pec.localhost", List.of("bob@pec.example.org", "carol@pec.example.org"),
            "=HYPERLINK(\"x\"), \"quoted\"\nsecond line", List.of("<a@x>"), Optional.of("Gestore B"), Optional.empty()),
            "0".repeat(64), "a".repeat(64));

    @Test
    void jsonCarriesEveryFieldExactly() throws Exception {
        JsonNode r = new ObjectMapper().readTree(LogExport.render(LogExport.Format.JSON, List.of(RECORD))).get(0);

        assertThat(r.get("sequence").asLong()).isEqualTo(7);
        assertThat(r.get("time").asText()).isEqualTo("2026-11-25T10:00:00.123Z");
        assertThat(r.get("identificativo").asText()).isEqualTo("opec.1@pec.localhost");
        assertThat(r.get("eventType").asText()).isEqualTo("accettazione");
        assertThat(r.get("recipients")).hasSize(2);
        assertThat(r.get("subject").asText()).isEqualTo(RECORD.event().subject());
        assertThat(r.get("peerProvider").asText()).isEqualTo("Gestore B");
        assertThat(r.get("detail").isNull()).isTrue();
        assertThat(r.get("previousHash").asText()).isEqualTo("0".repeat(64));
        assertThat(r.get("hash").asText()).isEqualTo("a".repeat(64));
    }

    @Test
    void csvQuotesWhatNeedsItAndDisarmsFormulas() {
        String csv = LogExport.render(LogExport.Format.CSV, List.of(RECORD));

        assertThat(csv).startsWith("sequence,time,identificativo,event_type,sender,recipients,subject,related_message_ids,"
                + "peer_provider,detail,previous_hash,hash\r\n");
        assertThat(csv).contains("7,2026-11-25T10:00:00.123Z,opec.1@pec.localhost,accettazione,alice@pec.localhost,"
                + "bob@pec.example.org carol@pec.example.org,\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\"\nsecond line\",<a@x>,Gestore B,,");
        assertThat(LogExport.cell("-1")).isEqualTo("'-1");
        assertThat(LogExport.cell("plain")).isEqualTo("plain");
    }

    @Test
    void aFormulaBehindATabOrACarriageReturnIsDisarmedToo() {
        // spreadsheets skip a leading tab or CR and run what follows (OWASP's list of dangerous first characters)
        assertThat(LogExport.cell("\t=HYPERLINK(\"x\")")).isEqualTo("\"'\t=HYPERLINK(\"\"x\"\")\"");
        assertThat(LogExport.cell("\t@SUM(A1)")).isEqualTo("'\t@SUM(A1)");
        assertThat(LogExport.cell("\r=1+1")).isEqualTo("\"'\r=1+1\"");
    }

    @Test
    void filtersReadDatesAsItalianDaysAndRefuseNonsense() {
        LogFilter f = LogFilter.parse(Optional.empty(), Optional.of(" Alice@pec.localhost "), Optional.of("2026-11-25"),
                Optional.of("2026-11-25"), Optional.empty());

        assertThat(f.from()).contains(Instant.parse("2026-11-24T23:00:00Z"));
        assertThat(f.to()).contains(Instant.parse("2026-11-25T23:00:00Z"));
        assertThat(f.address()).contains("Alice@pec.localhost");
        assertThat(f.limit()).isEqualTo(LogFilter.MAX_RECORDS);
        assertThat(LogFilter.parse(Optional.empty(), Optional.empty(), Optional.of("2026-11-25T10:00:00+01:00"), Optional.empty(),
                Optional.of("5")).from()).contains(Instant.parse("2026-11-25T09:00:00Z"));
        assertThatThrownBy(() -> LogFilter.parse(Optional.empty(), Optional.empty(), Optional.of("yesterday"), Optional.empty(),
                Optional.empty())).hasMessageStartingWith("from: 'yesterday' is not a date");
        assertThatThrownBy(() -> LogFilter.parse(Optional.empty(), Optional.empty(), Optional.of("2026-11-26"),
                Optional.of("2026-11-25"), Optional.empty())).hasMessage("from must be before to");
        assertThatThrownBy(() -> LogFilter.parse(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("0"))).hasMessageStartingWith("limit: '0'");
        assertThatThrownBy(() -> LogExport.format("xml")).hasMessage("format: 'xml' is not csv or json");
    }
}
