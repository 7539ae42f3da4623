package it.pecgateway.gateway.ops;

import it.pecgateway.config.OperationsConfig.CharacterClass;
import it.pecgateway.config.OperationsConfig.PasswordPolicyConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The configured rules a new password must follow, checked on the password alone (length in Unicode code points,
 * character classes). Reuse of recent passwords needs the store and is checked by {@link Passwords}. The problems
 * never quote the password.
 */
public final class PasswordPolicy {
    private final PasswordPolicyConfig config;

    public PasswordPolicy(PasswordPolicyConfig config) {
        this.config = config;
    }

    public PasswordPolicyConfig config() {
        return config;
    }

    /** What is wrong with the password, empty when it may be used. */
    public List<String> problems(char[] password) {
        List<String> problems = new ArrayList<>();
        String text = new String(password);
        int length = text.codePointCount(0, text.length());
        if (length < config.minLength()) {
            problems.add("the password must have at least " + config.minLength() + " characters");
        }
        if (length > config.maxLength()) {
            problems.add("the password must have at most " + config.maxLength() + " characters");
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            problems.add("the password must not contain control characters");
        }
        for (CharacterClass c : config.characterClasses()) {
            if (text.codePoints().noneMatch(cp -> classOf(cp) == c)) {
                problems.add("the password must contain at least one " + describe(c));
            }
        }
        return problems;
    }

    /** One line for people choosing a password (the panel and API show it). */
    public String summary() {
        StringBuilder s = new StringBuilder(config.minLength() + " to " + config.maxLength() + " characters");
        for (CharacterClass c : config.characterClasses()) {
            s.append(", at least one ").append(describe(c));
        }
        if (config.history() > 0) {
            s.append(", none of your last ").append(config.history()).append(" passwords");
        }
        return s.toString();
    }

    static CharacterClass classOf(int codePoint) {
        if (Character.isLowerCase(codePoint)) {
            return CharacterClass.LOWERCASE;
        }
        if (Character.isUpperCase(codePoint)) {
            return CharacterClass.UPPERCASE;
        }
        if (Character.isDigit(codePoint)) {
            return CharacterClass.DIGIT;
        }
        return CharacterClass.SYMBOL;
    }

    private static String describe(CharacterClass c) {
        return switch (c) {
            case LOWERCASE -> "lower-case letter";
            case UPPERCASE -> "upper-case letter";
            case DIGIT -> "digit";
            case SYMBOL -> "symbol (neither letter nor digit)";
        };
    }
}
