package it.pecgateway.gateway.ops.api;

import it.pecgateway.gateway.http.HttpReply;
import it.pecgateway.gateway.ops.Operations;

/** The rule and notices endpoints, shared by the holder's own ({@code /me}) and the operator's ({@code /mailboxes/{a}}). */
final class SettingsApi {
    private SettingsApi() {
    }

    static HttpReply rule(Operations ops, ApiCall call, String address) {
        return Json.reply(200, MailboxJson.settings(ops.settings().setRule(call.caller(), address, call.required("rule"),
                call.optional("target").filter(t -> !t.isBlank()))));
    }

    static HttpReply notices(Operations ops, ApiCall call, String address) {
        return Json.reply(200, MailboxJson.settings(ops.settings().setNotices(call.caller(), address, call.list("to"),
                call.list("onlyFrom"))));
    }
}
