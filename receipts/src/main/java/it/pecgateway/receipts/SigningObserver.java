package it.pecgateway.receipts;

/**
 * Told how long each CMS signature took (the private-key operation and the SignedData around it, not the writing
 * of the message): the gateway exports it as a latency histogram. Called on the signing thread; must be cheap.
 */
@FunctionalInterface
public interface SigningObserver {
    SigningObserver NONE = nanos -> { };

    void signed(long nanos);
}
