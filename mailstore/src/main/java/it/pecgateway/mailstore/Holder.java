package it.pecgateway.mailstore;

import java.util.Optional;

/**
 * The person (or organisation) a mailbox belongs to, as far as the provider must know them: the tax code the
 * holder proves themselves with when resetting the password, and where recovery links and codes are sent.
 * The store keeps the values as given; the gateway validates them.
 */
public record Holder(Optional<String> taxCode, Optional<String> recoveryEmail, Optional<String> recoveryPhone) {

    public static Holder none() {
        return new Holder(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
