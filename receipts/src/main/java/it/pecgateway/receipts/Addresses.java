package it.pecgateway.receipts;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The addr-specs of an address-list header value (To, Cc), lower-cased for comparison. */
public final class Addresses {
    private Addresses() {
    }

    /** @throws IllegalArgumentException when the value is not an RFC 5322 address list */
    public static List<String> parse(String headerValue) {
        List<String> out = new ArrayList<>();
        try {
            for (InternetAddress a : InternetAddress.parseHeader(headerValue, true)) {
                out.add(a.getAddress().toLowerCase(Locale.ROOT));
            }
        } catch (AddressException e) {
            throw new IllegalArgumentException("not an address list: " + e.getMessage(), e);
        }
        return out;
    }

    public static String domain(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }
}
