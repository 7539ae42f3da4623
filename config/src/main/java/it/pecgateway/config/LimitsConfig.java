package it.pecgateway.config;

/**
 * Limits applied to submissions and sessions.
 *
 * @param maxMessageBytes          largest accepted message (SMTP SIZE); beyond it SMTP rejects with 552
 * @param maxSizeTimesRecipients   size times number of recipients allowed for one PEC message (digest 9.1 item 6);
 *                                 beyond it the access point sends a non-acceptance notice
 * @param maxRecipients            recipients per message
 * @param maxLineLength            longest line in commands and message data, CRLF included (RFC 5321: 1000)
 */
public record LimitsConfig(long maxMessageBytes, long maxSizeTimesRecipients, int maxRecipients, int maxLineLength) {
}
