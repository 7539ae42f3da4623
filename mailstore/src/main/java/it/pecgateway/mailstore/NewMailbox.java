package it.pecgateway.mailstore;

import java.time.Instant;
import java.util.Optional;

/**
 * What is needed to create a mailbox.
 *
 * @param password   initial password, or empty for a mailbox the holder activates later
 * @param quotaBytes storage quota; 0 means unlimited
 */
public record NewMailbox(
        String address,
        Optional<char[]> password,
        MailboxState state,
        Optional<Instant> expiresAt,
        long quotaBytes) {
}
