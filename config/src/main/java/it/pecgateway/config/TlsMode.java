package it.pecgateway.config;

/** How a listener uses TLS. */
public enum TlsMode {
    /** Plaintext only (allowed only where no credentials travel). */
    NONE,
    /** TLS from the first byte (465, 993, 995, HTTPS). */
    IMPLICIT,
    /** STARTTLS offered; plaintext sessions accepted (port 25 between providers and from the Internet). */
    STARTTLS_OPTIONAL,
    /** STARTTLS offered and required before anything else but EHLO/NOOP/QUIT (587, 143). */
    STARTTLS_REQUIRED;

    /** The YAML spelling: {@code none}, {@code implicit}, {@code starttls-optional}, {@code starttls-required}. */
    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
