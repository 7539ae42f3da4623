package it.pecgateway.config;

/**
 * The listeners of one node. Standard ports by default: 465 implicit TLS, 587 STARTTLS required, 25 STARTTLS
 * optional, 993 and 995 implicit TLS; 143 (IMAP with STARTTLS) is off unless configured; one HTTP listener for
 * health, metrics and administration.
 */
public record ListenersConfig(
        ListenerConfig smtps,
        ListenerConfig submission,
        ListenerConfig mx,
        ListenerConfig imaps,
        ListenerConfig imap,
        ListenerConfig pop3s,
        ListenerConfig http) {
}
