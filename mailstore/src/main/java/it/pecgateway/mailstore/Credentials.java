package it.pecgateway.mailstore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Hashed secrets handed out to people and programs: API tokens, login sessions, one-off links and codes. The store
 * never sees a secret, only its hash ({@code secretHash}, unique across all kinds), so a copy of the database
 * lets nobody in. {@code kind} names what the secret is for; {@code subject}, {@code scope} and {@code payload}
 * are the gateway's (for example a mailbox address, a role, a new recovery address waiting to be confirmed).
 */
public interface Credentials {

    /** @return the new credential's id. @throws MailStoreException ALREADY_EXISTS when the hash is taken */
    long issue(NewCredential credential);

    /** The credential of this kind whose secret has this hash, unless it expired at or before {@code now}. */
    Optional<Credential> find(String kind, String secretHash, Instant now);

    /**
     * Like {@link #find}, and removes it in the same write: a single-use credential is consumed by exactly one
     * caller, however many race for it.
     */
    Optional<Credential> consume(String kind, String secretHash, Instant now);

    /** Unexpired credentials of a kind, of one subject or all, oldest first. */
    List<Credential> list(String kind, Optional<String> subject, Instant now);

    /** @return false when no credential has this id */
    boolean revoke(long id);

    /** Removes every credential of this kind for this subject. @return how many */
    int revokeAll(String kind, String subject);

    /** Removes the credentials that expired at or before {@code now}. @return how many */
    int purgeExpired(Instant now);

    record NewCredential(String kind, String secretHash, String subject, String scope, String payload,
                         Instant createdAt, Optional<Instant> expiresAt) { }

    record Credential(long id, String kind, String subject, String scope, String payload, Instant createdAt,
                      Optional<Instant> expiresAt) { }
}
