package it.pecgateway.gateway.ops.sms;

import java.util.Optional;
import java.util.regex.Pattern;

/** Recovery phone numbers in international form (E.164): {@code +}, country code, number; 8 to 15 digits in all. */
public final class PhoneNumbers {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    private PhoneNumbers() {
    }

    /** Accepts spaces, dots, dashes and a leading {@code 00}; a number without country code is not accepted. */
    public static Optional<String> normalize(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String n = text.replaceAll("[\\s.\\-()]", "");
        if (n.startsWith("00")) {
            n = "+" + n.substring(2);
        }
        return E164.matcher(n).matches() ? Optional.of(n) : Optional.empty();
    }

    /** A form safe to show and log: the last three digits only. */
    public static String masked(String phone) {
        return phone.length() <= 3 ? "***" : "*".repeat(phone.length() - 3) + phone.substring(phone.length() - 3);
    }
}
