package it.pecgateway.receipts;

/**
 * Source of unique tokens for identificativi and Message-IDs. Injected so golden tests are deterministic;
 * production uses {@link RandomIdGenerator}.
 */
@FunctionalInterface
public interface IdGenerator {
    /** A fresh token, unique across the provider's nodes: ASCII letters, digits and dots only. */
    String nextToken();
}
