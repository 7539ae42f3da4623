package it.pecgateway.gateway.ops;

import it.pecgateway.config.GatewayConfig;
import it.pecgateway.config.OperationsConfig;
import it.pecgateway.gateway.ops.sms.SmsSender;
import it.pecgateway.gateway.pec.ServiceMail;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailStoreException;
import it.pecgateway.mailstore.Mailbox;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the operations services share: the store, the clock, the configuration, the legal log writer, the way
 * out for e-mails and text messages, and the public address of the panel (links are made from it).
 *
 * @param publicUrl the panel's base URL ({@code https://host[:port]}), asked when a link is made: the HTTP port
 *                  is known only once the listener is bound
 */
public record OpsContext(MailStore store, Clock clock, GatewayConfig config, OpsLog log, ServiceMail mail,
                         Optional<SmsSender> sms, Supplier<String> publicUrl) {

    public OperationsConfig settings() {
        return config.operations();
    }

    public Instant now() {
        return clock.instant();
    }

    /** The mailbox, or NOT_FOUND. */
    public Mailbox mailbox(String address) {
        return findMailbox(address).orElseThrow(() -> OpsException.notFound("no mailbox " + address));
    }

    public Optional<Mailbox> findMailbox(String address) {
        try {
            return store.accounts().find(address);
        } catch (MailStoreException e) {
            if (e.reason() == MailStoreException.Reason.INVALID) {
                throw OpsException.badRequest("'" + address + "' is not a mailbox address");
            }
            throw e;
        }
    }

    /** The part after the last '@', lower case. */
    public static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}
