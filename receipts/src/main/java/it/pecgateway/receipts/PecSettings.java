package it.pecgateway.receipts;

import it.pecgateway.config.ProviderConfig;

/**
 * Who signs: the provider name written in daticert {@code gestore-emittente} and in error codes, and the service
 * address used as From (equal to the signing certificate's rfc822Name).
 */
public record PecSettings(String providerName, String serviceAddress) {
    public static PecSettings of(ProviderConfig provider) {
        return new PecSettings(provider.name(), provider.serviceAddress());
    }

    public String serviceDomain() {
        return serviceAddress.substring(serviceAddress.indexOf('@') + 1);
    }
}
