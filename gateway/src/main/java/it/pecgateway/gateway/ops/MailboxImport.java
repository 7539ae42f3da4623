package it.pecgateway.gateway.ops;

import it.pecgateway.config.Sizes;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Bulk provisioning: a CSV with one line per member, {@code address, tax code, recovery e-mail, phone[, quota[, expiry]]}
 * (an optional header line naming the columns). Each line is created on its own, exactly as one API request would
 * be (same checks, same permissions, activation link sent): a bad line is reported and the others go on.
 */
public final class MailboxImport {
    static final int MAX_LINES = 10_000;
    private static final DateTimeFormatter ITALIAN_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** @param created false with the reason and the problems when the line was refused */
    public record LineResult(int line, String address, boolean created, String message, List<String> problems) { }

    public record Report(List<LineResult> lines) {
        public long created() {
            return lines.stream().filter(LineResult::created).count();
        }

        public long refused() {
            return lines.size() - created();
        }
    }

    private final MailboxProvisioning provisioning;

    MailboxImport(MailboxProvisioning provisioning) {
        this.provisioning = provisioning;
    }

    public Report run(Actor actor, String csv) {
        List<CsvRecords.Record> records;
        try {
            records = CsvRecords.parse(csv);
        } catch (IllegalArgumentException e) {
            throw OpsException.badRequest("the CSV cannot be read: " + e.getMessage());
        }
        if (!records.isEmpty() && isHeader(records.get(0))) {
            records = records.subList(1, records.size());
        }
        if (records.isEmpty()) {
            throw OpsException.badRequest("the CSV holds no member");
        }
        if (records.size() > MAX_LINES) {
            throw OpsException.badRequest("at most " + MAX_LINES + " members per import");
        }
        List<LineResult> results = new ArrayList<>();
        for (CsvRecords.Record r : records) {
            results.add(line(actor, r));
        }
        return new Report(results);
    }

    /** A first line naming the columns: it starts with "address" and, unlike a member such as address.office@..., has no '@'. */
    private static boolean isHeader(CsvRecords.Record first) {
        String field = first.fields().get(0).toLowerCase(Locale.ROOT);
        return field.startsWith("address") && !field.contains("@");
    }

    private LineResult line(Actor actor, CsvRecords.Record r) {
        List<String> f = r.fields();
        String address = f.get(0);
        try {
            if (f.size() < 4 || f.size() > 6) {
                throw OpsException.unprocessable("expected 4 to 6 fields", List.of("found " + f.size() + " fields: address, tax code,"
                        + " recovery e-mail, phone[, quota[, expiry]]"));
            }
            NewMember member = new NewMember(address, Optional.of(f.get(1)), Optional.of(f.get(2)), Optional.of(f.get(3)),
                    field(f, 4).map(MailboxImport::quota), field(f, 5).map(MailboxImport::date));
            String created = provisioning.create(actor, member, Optional.empty(), true).address();
            return new LineResult(r.line(), created, true, "created, activation link sent", List.of());
        } catch (OpsException e) {
            return new LineResult(r.line(), address, false, e.getMessage(), e.problems());
        }
    }

    private static Optional<String> field(List<String> f, int index) {
        return index < f.size() && !f.get(index).isBlank() ? Optional.of(f.get(index)) : Optional.empty();
    }

    private static long quota(String text) {
        try {
            return Sizes.parse(text);
        } catch (IllegalArgumentException e) {
            throw OpsException.unprocessable("bad quota", List.of("quota: " + e.getMessage()));
        }
    }

    private static LocalDate date(String text) {
        try {
            return text.contains("/") ? LocalDate.parse(text, ITALIAN_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw OpsException.unprocessable("bad expiry", List.of("expiry: '" + text + "' is not a date (2029-12-31 or 31/12/2029)"));
        }
    }
}
