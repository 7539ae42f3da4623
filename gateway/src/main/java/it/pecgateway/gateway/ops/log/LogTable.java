package it.pecgateway.gateway.ops.log;

import it.pecgateway.mailstore.LegalLog.LogVerification;
import it.pecgateway.mailstore.LogEvent;
import it.pecgateway.mailstore.LogRecord;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The legal log as the CLI prints it: one line per record, and the outcome of a chain check. */
public final class LogTable {
    private LogTable() {
    }

    public static String lines(List<LogRecord> records) {
        StringBuilder s = new StringBuilder();
        for (LogRecord r : records) {
            LogEvent e = r.event();
            s.append(r.sequence()).append('\t').append(DateTimeFormatter.ISO_INSTANT.format(e.time())).append('\t')
                    .append(e.eventType()).append('\t').append(e.identificativo()).append('\t').append(e.sender())
                    .append(" -> ").append(String.join(", ", e.recipients()));
            if (!e.subject().isEmpty()) {
                s.append('\t').append(oneLine(e.subject()));
            }
            e.detail().ifPresent(d -> s.append('\t').append(oneLine(d)));
            s.append('\n');
        }
        return s.toString();
    }

    public static String verification(LogVerification v) {
        if (v.intact()) {
            return "legal log intact: " + v.recordsChecked() + " records checked\n";
        }
        return "legal log BROKEN at sequence " + v.firstBadSequence().map(String::valueOf).orElse("?") + ": "
                + v.problem().orElse("unknown problem") + " (" + v.recordsChecked() + " records read)\n";
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\t]+", " ");
    }
}
