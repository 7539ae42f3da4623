package it.pecgateway.gateway.ops.api;

import it.pecgateway.gateway.http.HttpReply;
import it.pecgateway.gateway.ops.Actor;
import it.pecgateway.gateway.ops.Operations;
import it.pecgateway.gateway.ops.RecoveryContacts.Channel;

/** A holder's own mailbox: status, password, recovery contacts, rule for non-certified mail, arrival notices. */
final class HolderApi {
    private final Operations ops;

    HolderApi(Operations ops) {
        this.ops = ops;
    }

    void register(ApiRouter router) {
        router.add("DELETE", "/api/v1/session", Access.HOLDER, this::logout)
                .add("GET", "/api/v1/me", Access.HOLDER, this::me)
                .add("PUT", "/api/v1/me/password", Access.HOLDER, this::password)
                .add("POST", "/api/v1/me/recovery-email", Access.HOLDER, call -> requestCode(call, Channel.EMAIL, "email"))
                .add("POST", "/api/v1/me/recovery-email/confirm", Access.HOLDER, call -> confirm(call, Channel.EMAIL))
                .add("POST", "/api/v1/me/recovery-phone", Access.HOLDER, call -> requestCode(call, Channel.PHONE, "phone"))
                .add("POST", "/api/v1/me/recovery-phone/confirm", Access.HOLDER, call -> confirm(call, Channel.PHONE))
                .add("PUT", "/api/v1/me/rule", Access.HOLDER, call -> SettingsApi.rule(ops, call, call.holder().address()))
                .add("PUT", "/api/v1/me/notices", Access.HOLDER, call -> SettingsApi.notices(ops, call, call.holder().address()));
    }

    private HttpReply logout(ApiCall call) {
        Callers.sessionToken(call.http()).ifPresent(ops.sessions()::logout);
        return Json.noContent();
    }

    private HttpReply me(ApiCall call) {
        Actor.Holder holder = call.holder();
        return Json.reply(200, MailboxJson.full(ops.status().view(holder, holder.address()))
                .put("passwordPolicy", ops.passwords().policy().summary())
                .put("smsAvailable", ops.context().sms().isPresent()));
    }

    private HttpReply password(ApiCall call) {
        ops.passwords().change(call.holder(), call.password("current"), call.password("password"), call.session(),
                call.http().remoteAddress());
        return Json.noContent();
    }

    private HttpReply requestCode(ApiCall call, Channel channel, String field) {
        String sentTo = ops.contacts().request(call.holder(), call.holder().address(), channel, call.required(field));
        return Json.reply(202, Json.object().put("sentTo", sentTo).put("message", "a code has been sent to the new "
                + (channel == Channel.EMAIL ? "address" : "phone") + ": send it to the confirm endpoint"));
    }

    private HttpReply confirm(ApiCall call, Channel channel) {
        return Json.reply(200, MailboxJson.holder(ops.contacts().confirm(call.holder(), call.holder().address(), channel,
                call.required("code"))));
    }
}
