package it.pecgateway.gateway.ops;

import it.pecgateway.gateway.ops.Permissions.Action;
import it.pecgateway.gateway.ops.sms.PhoneNumbers;
import it.pecgateway.gateway.smtp.AuthThrottle;
import it.pecgateway.mailstore.Credentials.Credential;
import it.pecgateway.mailstore.Credentials.NewCredential;
import it.pecgateway.mailstore.Holder;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A holder changes its recovery address or phone: a six-digit code goes to the NEW address (e-mail) or phone
 * (SMS), and the change is made only when the holder types it back. The code is stored as a SHA-256 bound to the
 * mailbox, valid {@code recovery.code-validity}; after five wrong codes the pending change is dropped.
 */
public final class RecoveryContacts {
    static final String EMAIL_KIND = "contact-code-email";
    static final String PHONE_KIND = "contact-code-phone";

    public enum Channel { EMAIL, PHONE }

    private final OpsContext ctx;
    private final AuthThrottle wrongCodes;

    public RecoveryContacts(OpsContext ctx, AuthThrottle wrongCodes) {
        this.ctx = ctx;
        this.wrongCodes = wrongCodes;
    }

    /** Sends a code to the new address or phone. @return where it went, masked for a phone */
    public String request(Actor actor, String address, Channel channel, String value) {
        Permissions.require(actor, Action.CHANGE_CONTACTS, address);
        String mailbox = ctx.mailbox(address).address();
        String target = normalize(channel, value);
        if (channel == Channel.EMAIL && ctx.store().accounts().hostsDomain(OpsContext.domainOf(target))) {
            throw OpsException.unprocessable("the recovery address must be outside our PEC domains",
                    List.of("email: " + target + " is in a PEC domain hosted here"));
        }
        if (channel == Channel.PHONE && ctx.sms().isEmpty()) {
            throw OpsException.conflict("text messages are not configured here: ask the provider to change the phone");
        }
        String code = Secrets.newCode();
        Instant now = ctx.now();
        Instant until = now.plus(ctx.settings().recovery().codeValidity());
        String kind = kind(channel);
        long id = ctx.store().inTransaction(tx -> {
            tx.credentials().revokeAll(kind, mailbox);
            long issued = tx.credentials().issue(new NewCredential(kind, codeHash(mailbox, channel, code), mailbox,
                    channel.name().toLowerCase(Locale.ROOT), target, now, Optional.of(until)));
            if (channel == Channel.EMAIL) {
                ctx.mail().queue(tx, target, RecoveryTexts.codeSubject(), RecoveryTexts.codeBody(mailbox, code, until),
                        "recupero:" + mailbox, now);
            }
            ctx.log().record(tx, now, actor, channel == Channel.EMAIL ? OpsEvent.RECOVERY_EMAIL_CHANGE_REQUESTED
                    : OpsEvent.RECOVERY_PHONE_CHANGE_REQUESTED, mailbox, "code sent to " + shown(channel, target));
            return issued;
        });
        if (channel == Channel.PHONE) {
            sendSms(id, target, code);
        }
        wrongCodes.succeeded(mailbox + "/" + channel);
        return shown(channel, target);
    }

    /** Makes the pending change if the code is right. */
    public Holder confirm(Actor actor, String address, Channel channel, String code) {
        Permissions.require(actor, Action.CHANGE_CONTACTS, address);
        String mailbox = ctx.mailbox(address).address();
        String key = mailbox + "/" + channel;
        Optional<Credential> pending = ctx.store().inTransaction(tx -> {
            Optional<Credential> used = tx.credentials().consume(kind(channel), codeHash(mailbox, channel, code.trim()), ctx.now());
            used.ifPresent(c -> {
                Holder h = tx.accounts().holder(mailbox);
                tx.accounts().setHolder(mailbox, channel == Channel.EMAIL
                        ? new Holder(h.taxCode(), Optional.of(c.payload()), h.recoveryPhone())
                        : new Holder(h.taxCode(), h.recoveryEmail(), Optional.of(c.payload())));
                ctx.log().record(tx, ctx.now(), actor, channel == Channel.EMAIL ? OpsEvent.RECOVERY_EMAIL_CHANGED
                        : OpsEvent.RECOVERY_PHONE_CHANGED, mailbox, "now " + shown(channel, c.payload()));
            });
            return used;
        });
        if (pending.isPresent()) {
            wrongCodes.succeeded(key);
            return ctx.store().accounts().holder(mailbox);
        }
        wrongCodes.failed("", key);
        if (wrongCodes.accountLocked(key)) {
            ctx.store().inTransaction(tx -> {
                tx.credentials().revokeAll(kind(channel), mailbox);
                ctx.log().record(tx, ctx.now(), actor, OpsEvent.RECOVERY_CODE_REFUSED, mailbox, "too many wrong codes: change dropped");
                return null;
            });
            throw new OpsException(OpsException.Kind.TOO_MANY_REQUESTS, "too many wrong codes: ask for a new one later");
        }
        throw OpsException.unprocessable("the code is wrong or expired", List.of("code: wrong or expired"));
    }

    private void sendSms(long credential, String phone, String code) {
        try {
            ctx.sms().orElseThrow().send(phone, RecoveryTexts.codeSms(code));
        } catch (IOException e) {
            ctx.store().credentials().revoke(credential);
            throw new OpsException(OpsException.Kind.UNAVAILABLE, "the text message could not be sent: try again later");
        }
    }

    private static String normalize(Channel channel, String value) {
        if (channel == Channel.EMAIL) {
            return Addresses.parse(value).orElseThrow(() -> OpsException.unprocessable("not an e-mail address",
                    List.of("email: '" + value + "' is not an e-mail address")));
        }
        return PhoneNumbers.normalize(value).orElseThrow(() -> OpsException.unprocessable("not an international phone number",
                List.of("phone: '" + value + "' is not an international number (+39 ...)")));
    }

    private static String kind(Channel channel) {
        return channel == Channel.EMAIL ? EMAIL_KIND : PHONE_KIND;
    }

    private static String shown(Channel channel, String target) {
        return channel == Channel.EMAIL ? target : PhoneNumbers.masked(target);
    }

    static String codeHash(String mailbox, Channel channel, String code) {
        return Secrets.hash(mailbox + "\n" + channel + "\n" + code);
    }
}
