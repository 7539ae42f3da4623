package it.pecgateway.gateway.ops.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.pecgateway.gateway.http.HttpReply;
import it.pecgateway.gateway.ops.MailboxImport;
import it.pecgateway.gateway.ops.OpsException;
import it.pecgateway.gateway.ops.Operations;
import it.pecgateway.gateway.ops.Permissions;
import it.pecgateway.gateway.ops.log.LogExport;
import it.pecgateway.gateway.ops.log.LogFilter;
import it.pecgateway.gateway.ops.log.LogTable;
import it.pecgateway.mailstore.LegalLog.LogVerification;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The CSV import of members, and the legal log's extracts and chain check. */
final class BulkApi {
    private final Operations ops;

    BulkApi(Operations ops) {
        this.ops = ops;
    }

    void register(ApiRouter router) {
        router.add("POST", "/api/v1/mailboxes/import", Access.ADMIN, this::importCsv)
                .add("GET", "/api/v1/log", Access.ADMIN, this::log)
                .add("GET", "/api/v1/log/verify", Access.ADMIN, this::verify);
    }

    private HttpReply importCsv(ApiCall call) {
        if (!call.http().header("content-type").orElse("").toLowerCase(java.util.Locale.ROOT).startsWith("text/csv")) {
            throw OpsException.badRequest("send the members as text/csv");
        }
        MailboxImport.Report report = ops.imports().run(call.caller(), call.http().bodyText());
        ObjectNode o = Json.object().put("created", report.created()).put("refused", report.refused());
        ArrayNode lines = o.putArray("lines");
        for (MailboxImport.LineResult r : report.lines()) {
            ObjectNode line = lines.addObject().put("line", r.line()).put("address", r.address())
                    .put("outcome", r.created() ? "created" : "refused").put("message", r.message());
            r.problems().forEach(line.putArray("problems")::add);
        }
        return Json.reply(200, o);
    }

    private HttpReply log(ApiCall call) {
        Permissions.require(call.caller(), Permissions.Action.READ_LOG, "");
        LogFilter filter;
        LogExport.Format format;
        try {
            var q = call.http();
            filter = LogFilter.parse(q.queryParameter("identificativo"), q.queryParameter("address"), q.queryParameter("from"),
                    q.queryParameter("to"), q.queryParameter("limit"));
            format = LogExport.format(q.queryParameter("format").orElse("json"));
        } catch (IllegalArgumentException e) {
            throw OpsException.badRequest(e.getMessage());
        }
        String body = LogExport.render(format, ops.context().store().legalLog().query(filter.query()));
        return new HttpReply(200, LogExport.contentType(format), body.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Disposition", "attachment; filename=\"legal-log." + format.name().toLowerCase(java.util.Locale.ROOT) + "\""));
    }

    private HttpReply verify(ApiCall call) {
        Permissions.require(call.caller(), Permissions.Action.READ_LOG, "");
        LogVerification v = ops.context().store().legalLog().verify();
        ObjectNode o = Json.object().put("intact", v.intact()).put("recordsChecked", v.recordsChecked())
                .put("message", LogTable.verification(v).strip());
        v.firstBadSequence().ifPresent(s -> o.put("firstBadSequence", s));
        v.problem().ifPresent(p -> o.put("problem", p));
        return Json.reply(200, o.put("status", v.intact() ? "intact" : "broken"));
    }
}
