package it.pecgateway.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.config.OperationsConfig.CharacterClass;
import it.pecgateway.config.OperationsConfig.PasswordPolicyConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    final PasswordPolicy defaults = new PasswordPolicy(new PasswordPolicyConfig(8, 64,
            List.of(CharacterClass.LOWERCASE, CharacterClass.UPPERCASE, CharacterClass.DIGIT), 5));

    @Test
    void aPasswordWithEveryClassAndLengthIsAccepted() {
        assertThat(defaults.problems("Correct-Horse-7".toCharArray())).isEmpty();
        assertThat(defaults.problems("Aa345678".toCharArray())).as("exactly the minimum").isEmpty();
    }

    @Test
    void tooShortAndTooLongAreRefusedCountingCharactersNotBytes() {
        assertThat(defaults.problems("Aa3".toCharArray())).containsExactly("the password must have at least 8 characters");
        assertThat(defaults.problems(("Aa3" + "x".repeat(62)).toCharArray())).containsExactly("the password must have at most 64 characters");
        assertThat(defaults.problems("Àè3ééééé".toCharArray())).as("8 accented letters are 8 characters").isEmpty();
    }

    @Test
    void eachMissingClassIsNamedWithoutQuotingThePassword() {
        List<String> problems = defaults.problems("alllowercase".toCharArray());

        assertThat(problems).containsExactly("the password must contain at least one upper-case letter",
                "the password must contain at least one digit");
        assertThat(String.join(" ", problems)).doesNotContain("alllowercase");
    }

    @Test
    void symbolsCanBeRequiredAndControlCharactersAreNeverAllowed() {
        PasswordPolicy symbols = new PasswordPolicy(new PasswordPolicyConfig(4, 10, List.of(CharacterClass.SYMBOL), 0));

        assertThat(symbols.problems("abcd".toCharArray())).containsExactly("the password must contain at least one symbol (neither letter nor digit)");
        assertThat(symbols.problems("ab-d".toCharArray())).isEmpty();
        assertThat(symbols.problems("ab-\td".toCharArray())).containsExactly("the password must not contain control characters");
    }

    @Test
    void theSummarySaysTheRules() {
        assertThat(defaults.summary()).isEqualTo("8 to 64 characters, at least one lower-case letter, at least one upper-case letter,"
                + " at least one digit, none of your last 5 passwords");
    }
}
