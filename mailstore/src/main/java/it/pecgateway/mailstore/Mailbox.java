package it.pecgateway.mailstore;

import java.time.Instant;
import java.util.Optional;

/** A hosted mailbox. Never carries its password hash. */
public record Mailbox(
        long id,
        String address,
        MailboxState state,
        Instant createdAt,
        Optional<Instant> expiresAt,
        long quotaBytes,
        MailboxSettings settings) {

    public String domain() {
        return address.substring(address.indexOf('@') + 1);
    }

    /** Active and not past its expiry date at {@code now}. */
    public boolean isUsableAt(Instant now) {
        return state == MailboxState.ACTIVE && expiresAt.map(now::isBefore).orElse(true);
    }
}
