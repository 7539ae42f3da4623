package it.pecgateway.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The people around the mailboxes (issue 7): mailbox life cycle, password policy, account recovery, and the
 * administration API and holder's panel on the HTTP listener.
 *
 * @param publicUrl             the HTTPS address people reach the panel at, the base of the links we e-mail
 *                              (for example {@code https://pec.example.it}); default: https, the first host name
 *                              and the HTTP listener's bound port
 * @param clientHostname        the host name mail clients connect to, in the panel and client autoconfiguration;
 *                              default: the first of {@code provider.hostnames}
 * @param holderSessionLifetime how long a holder's login (API session or panel cookie) lasts
 */
public record OperationsConfig(
        Optional<String> publicUrl,
        Optional<String> clientHostname,
        Duration holderSessionLifetime,
        LifecycleConfig lifecycle,
        PasswordPolicyConfig passwordPolicy,
        RecoveryConfig recovery,
        SmsConfig sms) {

    /**
     * @param validityYears how long a mailbox is valid from its activation or renewal (default 3 years)
     * @param gracePeriod   how long an expired mailbox stays readable before it is deleted (default 90 days)
     * @param checkInterval how often the life-cycle job looks for mailboxes to expire or delete
     */
    public record LifecycleConfig(int validityYears, Duration gracePeriod, Duration checkInterval) { }

    /**
     * @param minLength        fewest characters (default 8)
     * @param maxLength        most characters (default 64)
     * @param characterClasses classes that must each appear at least once
     * @param history          a new password may not be any of the last this many (0: no check)
     */
    public record PasswordPolicyConfig(int minLength, int maxLength, java.util.List<CharacterClass> characterClasses,
                                       int history) {
        public PasswordPolicyConfig {
            characterClasses = java.util.List.copyOf(characterClasses);
        }
    }

    /** Character classes of the password policy, as written in the YAML. */
    public enum CharacterClass {
        LOWERCASE, UPPERCASE, DIGIT, SYMBOL;

        public String yamlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param resetLinkValidity      how long a password-reset link works (default 3 hours)
     * @param activationLinkValidity how long the link sent to a new mailbox's holder works (default 7 days)
     * @param codeValidity           how long a code confirming a new recovery address or phone works
     */
    public record RecoveryConfig(Duration resetLinkValidity, Duration activationLinkValidity, Duration codeValidity) { }

    /**
     * Text messages through an SMS gateway that reads smstools' outgoing spool (docs/operations.md).
     *
     * @param enabled     without SMS, holders cannot change their recovery phone themselves
     * @param outgoingDir the spool directory the SMS gateway picks messages up from
     * @param tempDir     where a message is written before it is renamed into {@code outgoingDir}; must be on the
     *                    same file system
     */
    public record SmsConfig(boolean enabled, java.nio.file.Path outgoingDir, java.nio.file.Path tempDir) { }
}
