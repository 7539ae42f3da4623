package it.pecgateway.gateway.ops;

import it.pecgateway.gateway.ops.sms.PhoneNumbers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A mailbox an organisation asks for, one member at a time (API) or many (CSV import).
 *
 * @param quotaBytes 0 means unlimited; empty means unlimited too
 * @param expiresOn  the last day the mailbox is valid; empty: validity years from activation
 */
public record NewMember(String address, Optional<String> taxCode, Optional<String> recoveryEmail, Optional<String> phone,
                        Optional<Long> quotaBytes, Optional<LocalDate> expiresOn) {

    /**
     * Checks every field and gives the member in canonical form (lower-case address, upper-case tax code, phone
     * in international form). UNPROCESSABLE listing each wrong field. Whether the address's domain is hosted is the
     * caller's check (NOT_FOUND).
     *
     * @param requireHolder whether the tax code and recovery address are required (the API and imports; not the
     *                      CLI's {@code mailbox add}, used for service mailboxes)
     */
    public NewMember validated(boolean requireHolder, LocalDate today, java.util.function.Predicate<String> hostedDomain) {
        List<String> problems = new ArrayList<>();
        Optional<String> a = Addresses.parse(address).map(s -> s.toLowerCase(java.util.Locale.ROOT));
        if (a.isEmpty()) {
            problems.add("address: '" + address + "' is not an e-mail address");
        }
        Optional<String> tax = taxCode.filter(s -> !s.isBlank()).map(s -> TaxCode.normalize(s).orElseGet(() -> {
            problems.add("tax code: '" + s + "' is not a valid codice fiscale (16 characters or 11 digits with the right check character)");
            return s;
        }));
        Optional<String> email = recoveryEmail.filter(s -> !s.isBlank()).map(s -> Addresses.parse(s).map(e -> {
            if (hostedDomain.test(OpsContext.domainOf(e))) {
                problems.add("recovery e-mail: must be an address outside our PEC domains");
            }
            return e;
        }).orElseGet(() -> {
            problems.add("recovery e-mail: '" + s + "' is not an e-mail address");
            return s;
        }));
        Optional<String> tel = phone.filter(s -> !s.isBlank()).map(s -> PhoneNumbers.normalize(s).orElseGet(() -> {
            problems.add("phone: '" + s + "' is not an international number (+39 ...)");
            return s;
        }));
        if (requireHolder && tax.isEmpty()) {
            problems.add("tax code: missing (the holder proves themselves with it to reset the password)");
        }
        if (requireHolder && email.isEmpty()) {
            problems.add("recovery e-mail: missing (the activation link is sent there)");
        }
        quotaBytes.filter(q -> q < 0).ifPresent(q -> problems.add("quota: must not be negative"));
        expiresOn.filter(d -> d.isBefore(today)).ifPresent(d -> problems.add("expiry: " + d + " is in the past"));
        expiresOn.flatMap(MailboxLifecycle::tooFar).ifPresent(problem -> problems.add("expiry: " + problem));
        if (!problems.isEmpty()) {
            throw OpsException.unprocessable("the mailbox request is not valid", problems);
        }
        return new NewMember(a.orElseThrow(), tax, email, tel, quotaBytes, expiresOn);
    }
}
