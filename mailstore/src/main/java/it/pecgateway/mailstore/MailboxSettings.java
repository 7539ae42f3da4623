package it.pecgateway.mailstore;

import java.util.List;
import java.util.Optional;

/**
 * Per-mailbox settings used by the gateway.
 *
 * @param ordinaryMail    what to do with non-certified mail arriving for this mailbox
 * @param forwardTo       target of {@link OrdinaryMailRule#FORWARD}
 * @param folder          target folder of {@link OrdinaryMailRule#DELIVER_TO_FOLDER}
 * @param notifyAddresses up to two ordinary addresses that get arrival notices
 * @param notifyOnlyFrom  when not empty, notices only for messages from these (at most two) senders
 */
public record MailboxSettings(
        OrdinaryMailRule ordinaryMail,
        Optional<String> forwardTo,
        Optional<String> folder,
        List<String> notifyAddresses,
        List<String> notifyOnlyFrom) {

    public MailboxSettings {
        notifyAddresses = List.copyOf(notifyAddresses);
        notifyOnlyFrom = List.copyOf(notifyOnlyFrom);
    }

    public static MailboxSettings defaults() {
        return new MailboxSettings(OrdinaryMailRule.REJECT, Optional.empty(), Optional.empty(), List.of(), List.of());
    }

    /** The rule for mail that is not certified. */
    public enum OrdinaryMailRule { REJECT, FORWARD, ANOMALY_TO_INBOX, DELIVER_TO_FOLDER }
}
