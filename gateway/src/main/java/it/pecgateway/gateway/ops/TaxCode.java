package it.pecgateway.gateway.ops;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Italian tax code (codice fiscale) with its check character (DM 23/12/1976, DPR 605/1973): 16 characters for
 * a person (letters where digits were substituted to tell namesakes apart, "omocodia", included), or 11 digits for
 * an organisation. Only the form and the check character are verified, never whether the code was issued.
 */
public final class TaxCode {
    /** Digits may be replaced by LMNPQRSTUV in positions 7, 8, 10, 11, 13, 14 and 15 (omocodia). */
    private static final Pattern PERSON = Pattern.compile(
            "[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]");
    private static final Pattern ORGANISATION = Pattern.compile("[0-9]{11}");
    /** The value of a character in an odd position (1st, 3rd, ...), for digits and letters alike (0 = A, 1 = B ...). */
    private static final int[] ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};

    private TaxCode() {
    }

    /** The code in canonical form (upper case, no spaces) when its form and check character are right. */
    public static Optional<String> normalize(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String code = text.replace(" ", "").toUpperCase(Locale.ROOT);
        if (PERSON.matcher(code).matches() && personCheck(code) == code.charAt(15)) {
            return Optional.of(code);
        }
        if (ORGANISATION.matcher(code).matches() && organisationCheck(code) == code.charAt(10) - '0') {
            return Optional.of(code);
        }
        return Optional.empty();
    }

    public static boolean isValid(String text) {
        return normalize(text).isPresent();
    }

    static char personCheck(String code) {
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char c = code.charAt(i);
            int index = Character.isDigit(c) ? c - '0' : c - 'A';
            // positions are counted from 1: index 0 is the first, an odd position
            sum += i % 2 == 0 ? ODD[index] : index;
        }
        return (char) ('A' + sum % 26);
    }

    /** The Luhn-like check digit of the 11-digit code: odd positions as they are, even ones doubled (digits summed). */
    static int organisationCheck(String code) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int d = code.charAt(i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }
}
