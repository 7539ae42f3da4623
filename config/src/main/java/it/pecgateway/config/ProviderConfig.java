package it.pecgateway.config;

import java.util.List;

/**
 * Who we are as a PEC provider.
 *
 * @param name           provider name as in the providers index and the signing certificate (CN or O),
 *                       written in daticert {@code gestore-emittente} and in non-delivery codes
 * @param serviceAddress the {@code From} of every envelope and receipt; equals the signing certificate's
 *                       rfc822Name (for example {@code posta-certificata@pec.example.it})
 * @param domains        the PEC domains whose mailboxes we host, lower case
 * @param hostnames      host names of this node: the first is used in SMTP greetings and Received lines;
 *                       all of them (and localhost) go into the development TLS certificate
 */
public record ProviderConfig(String name, String serviceAddress, List<String> domains, List<String> hostnames) {
    public ProviderConfig {
        domains = List.copyOf(domains);
        hostnames = List.copyOf(hostnames);
    }

    /** The domain part of the service address: the provider's mail domain, used in identificativi. */
    public String serviceDomain() {
        return serviceAddress.substring(serviceAddress.indexOf('@') + 1);
    }

    public String primaryHostname() {
        return hostnames.get(0);
    }

    public boolean hostsDomain(String domain) {
        return domains.contains(domain.toLowerCase(java.util.Locale.ROOT));
    }
}
