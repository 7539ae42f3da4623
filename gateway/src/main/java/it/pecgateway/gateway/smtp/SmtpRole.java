package it.pecgateway.gateway.smtp;

/** What a listener is for: decides authentication, relaying and which transaction handler runs. */
public enum SmtpRole {
    /** 465 and 587: our users submit, authenticated over TLS; the access point checks each message. */
    SUBMISSION,
    /** 25: other providers and the Internet deliver to our domains; never a relay. */
    MX
}
