package it.pecgateway.config;

import java.time.Duration;

/**
 * Limits of the IMAP (993, 143) and POP3 (995) listeners.
 *
 * @param maxLineLength            longest IMAP command line, CRLF included (long UID sets need room); POP3 lines
 *                                 are capped at 4 KiB by the protocol
 * @param maxLiteralBytes          largest IMAP literal (an APPENDed message); larger ones are refused before upload
 * @param maxConnectionsPerUser    logged-in sessions of one mailbox, per protocol
 * @param maxConnectionsPerAddress open connections from one client IP address, per protocol
 * @param imapIdleTimeout          an IMAP connection silent this long is closed (RFC 3501 asks at least 30 minutes)
 * @param pop3IdleTimeout          a POP3 connection silent this long is closed (RFC 1939 asks at least 10 minutes)
 * @param loginDelayBase           delay of the reply to a failed login; doubles with each further failure from
 *                                 the same address
 * @param loginDelayMax            the longest a failed login reply is delayed
 */
public record ImapPop3Config(int maxLineLength, long maxLiteralBytes, int maxConnectionsPerUser,
                             int maxConnectionsPerAddress, Duration imapIdleTimeout, Duration pop3IdleTimeout,
                             Duration loginDelayBase, Duration loginDelayMax) {
}
