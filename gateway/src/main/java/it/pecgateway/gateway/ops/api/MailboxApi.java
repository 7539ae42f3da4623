package it.pecgateway.gateway.ops.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import it.pecgateway.gateway.http.HttpReply;
import it.pecgateway.gateway.ops.Actor;
import it.pecgateway.gateway.ops.NewMember;
import it.pecgateway.gateway.ops.OpsException;
import it.pecgateway.gateway.ops.Operations;
import it.pecgateway.mailstore.Mailbox;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Operators and postmasters on mailboxes: create, see, delete, suspend, resume, renew, reset, password, holder. */
final class MailboxApi {
    private static final String ONE = "/api/v1/mailboxes/{address}";

    private final Operations ops;

    MailboxApi(Operations ops) {
        this.ops = ops;
    }

    void register(ApiRouter router) {
        router.add("POST", "/api/v1/mailboxes", Access.ADMIN, this::create)
                .add("GET", ONE, Access.ADMIN, call -> show(call, 200))
                .add("DELETE", ONE, Access.ADMIN, call -> {
                    ops.deletion().delete(call.caller(), call.param("address"));
                    return Json.noContent();
                })
                .add("POST", ONE + "/suspend", Access.ADMIN, call -> {
                    ops.lifecycle().suspend(call.caller(), call.param("address"), reason(call));
                    return show(call, 200);
                })
                .add("POST", ONE + "/resume", Access.ADMIN, call -> {
                    ops.lifecycle().resume(call.caller(), call.param("address"));
                    return show(call, 200);
                })
                .add("POST", ONE + "/renew", Access.ADMIN, call -> {
                    ops.lifecycle().renew(call.caller(), call.param("address"), date(call, "until"));
                    return show(call, 200);
                })
                .add("POST", ONE + "/reset", Access.ADMIN, call -> Json.reply(202, Json.object()
                        .put("sentTo", ops.resets().sendByAdministrator(call.caller(), call.param("address")))))
                .add("PUT", ONE + "/password", Access.ADMIN, call -> {
                    ops.passwords().setByOperator(call.caller(), call.param("address"), call.password("password"));
                    return Json.noContent();
                })
                .add("PATCH", ONE + "/holder", Access.ADMIN, call -> {
                    ops.provisioning().setHolder(call.caller(), call.param("address"), member(call, call.param("address")));
                    return show(call, 200);
                })
                .add("PUT", ONE + "/rule", Access.ADMIN, call -> SettingsApi.rule(ops, call, call.param("address")))
                .add("PUT", ONE + "/notices", Access.ADMIN, call -> SettingsApi.notices(ops, call, call.param("address")))
                .add("GET", "/api/v1/domains", Access.ADMIN, this::domains)
                .add("GET", "/api/v1/domains/{domain}/mailboxes", Access.ADMIN, this::list);
    }

    private HttpReply create(ApiCall call) {
        Optional<char[]> password = call.optional("password").map(String::toCharArray);
        Mailbox m = ops.provisioning().create(call.caller(), member(call, call.required("address")), password, true);
        return Json.reply(201, MailboxJson.full(ops.status().view(call.caller(), m.address())));
    }

    private HttpReply show(ApiCall call, int status) {
        return Json.reply(status, MailboxJson.full(ops.status().view(call.caller(), call.param("address"))));
    }

    private HttpReply domains(ApiCall call) {
        ArrayNode list = Json.array();
        if (call.caller() instanceof Actor.Postmaster p) {
            list.add(p.domain());
        } else {
            ops.context().store().accounts().domains().forEach(list::add);
        }
        return Json.reply(200, Json.object().set("domains", list));
    }

    private HttpReply list(ApiCall call) {
        ArrayNode list = Json.array();
        ops.provisioning().list(call.caller(), Optional.of(call.param("domain"))).forEach(m -> list.add(MailboxJson.summary(m)));
        return Json.reply(200, Json.object().set("mailboxes", list));
    }

    private static NewMember member(ApiCall call, String address) {
        Optional<Long> quota = Optional.ofNullable(call.body().get("quotaBytes")).filter(q -> !q.isNull()).map(q -> {
            // canConvertToLong alone takes 1.5 (and gives 1): a fraction of a byte is not a quota
            if (!q.isNumber() || !q.canConvertToLong() || q.decimalValue().stripTrailingZeros().scale() > 0) {
                throw OpsException.badRequest("\"quotaBytes\" must be a whole number");
            }
            return q.asLong();
        });
        return new NewMember(address, call.optional("taxCode"), call.optional("recoveryEmail"), call.optional("phone"),
                quota, date(call, "expiresOn"));
    }

    private static String reason(ApiCall call) {
        return call.http().body().length == 0 ? "" : call.optional("reason").orElse("");
    }

    private static Optional<LocalDate> date(ApiCall call, String field) {
        if (call.http().body().length == 0) {
            return Optional.empty();
        }
        try {
            return call.optional(field).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw OpsException.badRequest("\"" + field + "\" must be a date like 2029-12-31");
        }
    }
}
