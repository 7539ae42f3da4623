package it.pecgateway.gateway.ops.api;

/** Who may call a route at all; what they may do to which mailbox is then {@code Permissions}'s. */
enum Access {
    /** Anyone over HTTPS (log in, ask for a reset, client settings). */
    PUBLIC,
    /** A holder's session (API bearer token or the panel's cookie). */
    HOLDER,
    /** An operator's or postmaster's API token. */
    ADMIN,
    /** Any of those. */
    ANYONE_LOGGED_IN
}
