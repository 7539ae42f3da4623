package it.pecgateway.config;

import java.time.Duration;

/**
 * The PEC timers of the sender's provider (digest section 9.5).
 *
 * @param warningAfter     no take-in-charge nor delivery receipt by then: the 12-hour notice (default 12 h)
 * @param finalAfter       no delivery receipt by then: the 24-hour notice, end of the transaction (default 24 h)
 * @param scanInterval     how often the timers are checked (default 1 min; seconds in tests)
 */
public record TimersConfig(Duration warningAfter, Duration finalAfter, Duration scanInterval) {
}
