package it.pecgateway.config;

import java.time.Duration;

/**
 * Limits of the SMTP listeners (465, 587, 25), per listener.
 *
 * @param maxSessions    concurrent sessions; the listener's thread pool is bounded to this (a few more are told 421)
 * @param idleTimeout    a client silent this long is disconnected with 421 4.4.2
 * @param maxHeaderLines header lines of one message (after unfolding); beyond it 552 5.6.0
 * @param maxHeaderBytes bytes of the header section of one message; beyond it 552 5.6.0
 * @param authThrottle   how failed AUTH attempts are slowed down and then refused (submission listeners)
 */
public record SmtpConfig(int maxSessions, Duration idleTimeout, int maxHeaderLines, int maxHeaderBytes,
                         AuthThrottleConfig authThrottle) {

    /**
     * Per client address and per account, over all submission listeners of a node: the first {@code slowAfter}
     * failures within {@code window} are answered at once, each further one after {@code delayStep} more (at most
     * {@code maxDelay}); after {@code lockAfter} failures the address or account is refused for {@code lockFor}
     * without a password check.
     */
    public record AuthThrottleConfig(int slowAfter, Duration delayStep, Duration maxDelay, int lockAfter,
                                     Duration lockFor, Duration window) {
    }
}
