package it.pecgateway.mailstore;

import java.time.Instant;

/** The operations of the store, either each on its own or inside one {@link MailStore#inTransaction}. */
public interface StoreSession {
    Accounts accounts();

    Folders folders();

    Messages messages();

    /** Message bodies, stored once and referenced by mailbox messages and queue entries. */
    Blobs blobs();

    OutboundQueue queue();

    DeliveryTracking tracking();

    LegalLog legalLog();

    /** Hashed API tokens, sessions, one-off links and codes. */
    Credentials credentials();

    /**
     * Records {@code key} once: true the first time, false if it was already claimed. Used to make a step
     * idempotent across crashes and redeliveries (for example one delivery receipt per message and recipient);
     * claim inside the same transaction as the step's writes.
     */
    boolean claimOnce(String key);

    /**
     * Forgets the claims made before {@code cutoff}, in transactions of a bounded number of claims each (outside
     * {@link MailStore#inTransaction}). A forgotten key can be claimed again: keep claims longer than any duplicate
     * of the step they guard can still arrive.
     *
     * @return the number of claims removed
     */
    long purgeClaimsBefore(Instant cutoff);
}
