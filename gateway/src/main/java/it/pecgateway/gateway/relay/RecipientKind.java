package it.pecgateway.gateway.relay;

/** How a recipient is reached (digest 3.3 and 9.2). */
public enum RecipientKind {
    /** One of our domains: our own delivery point. */
    LOCAL,
    /** A PEC domain of another provider (in the providers index): relay with STARTTLS required. */
    PEC,
    /** Not PEC ("esterno"): plain relay, acceptance receipt only. */
    ORDINARY
}
