package it.pecgateway.certs;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One provider of the providers index (digest section 3.1, object class {@code provider}).
 *
 * @param name             {@code providerName}
 * @param mailReceipt      {@code mailReceipt}: the service mailbox that takes presa-in-carico and virus notices
 * @param managedDomains   {@code managedDomains}, lower case
 * @param certificates     {@code providerCertificate;binary} values (several during a renewal)
 * @param certificateHashes {@code providerCertificateHash} values: hex SHA-1 of the DER certificates, upper case
 */
public record ProviderEntry(
        String name,
        String mailReceipt,
        Set<String> managedDomains,
        List<X509Certificate> certificates,
        Set<String> certificateHashes) {

    public ProviderEntry {
        managedDomains = managedDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        certificates = List.copyOf(certificates);
        certificateHashes = certificateHashes.stream().map(h -> h.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public boolean manages(String domain) {
        return managedDomains.contains(domain.toLowerCase(Locale.ROOT));
    }
}
