package it.pecgateway.gateway.admin;

import it.pecgateway.gateway.ops.log.LogExport;
import it.pecgateway.gateway.ops.log.LogFilter;
import it.pecgateway.gateway.ops.log.LogTable;
import it.pecgateway.mailstore.LegalLog.LogVerification;
import it.pecgateway.mailstore.LogRecord;
import it.pecgateway.mailstore.MailStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code log query}, {@code log export} and {@code log verify} on a store. Arguments are {@code name=value} words:
 * id, address, from, to, limit, format.
 */
final class LogAdministration {
    private final MailStore store;

    LogAdministration(MailStore store) {
        this.store = store;
    }

    AdminReply execute(AdminRequest request) {
        if (request.operation() == AdminRequest.Operation.LOG_VERIFY) {
            LogVerification v = store.legalLog().verify();
            return v.intact() ? AdminReply.done(LogTable.verification(v)) : new AdminReply(1, LogTable.verification(v), "");
        }
        Map<String, String> args = Words.of(request.arguments());
        LogFilter filter;
        LogExport.Format format;
        try {
            filter = LogFilter.parse(opt(args, "id"), opt(args, "address"), opt(args, "from"), opt(args, "to"), opt(args, "limit"));
            format = LogExport.format(args.getOrDefault("format", "json"));
        } catch (IllegalArgumentException e) {
            return AdminReply.failed(2, e.getMessage());
        }
        List<LogRecord> records = store.legalLog().query(filter.query());
        return AdminReply.done(request.operation() == AdminRequest.Operation.LOG_QUERY
                ? LogTable.lines(records) : LogExport.render(format, records));
    }

    private static Optional<String> opt(Map<String, String> args, String name) {
        return Optional.ofNullable(args.get(name));
    }

}
