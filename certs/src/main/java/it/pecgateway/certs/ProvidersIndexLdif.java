package it.pecgateway.certs;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the local copy of the providers index (digest section 3): LDIF of the RFC 6109 schema
 * ({@code shared/spec/pec-providers-directory-rfc6109.schema}). Entries of object class {@code provider} become
 * {@link ProviderEntry}s; other entries (the {@code o=postacert} root) are skipped.
 *
 * <p>The file is all or nothing: a single bad entry makes it invalid, so that a truncated or corrupted download
 * never silently drops a provider (its envelopes would become anomalies). The reloader then keeps the previous
 * snapshot.
 */
public final class ProvidersIndexLdif {
    private static final Pattern HEX_SHA1 = Pattern.compile("[0-9A-Fa-f]{40}");
    private static final Pattern DOT_ATOM_DOMAIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    private ProvidersIndexLdif() {
    }

    public static ProvidersIndex read(Path file) throws IOException, ProvidersIndexLdifException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static ProvidersIndex read(byte[] ldif) throws ProvidersIndexLdifException {
        try {
            return read(new ByteArrayInputStream(ldif));
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
    }

    public static ProvidersIndex read(InputStream in) throws IOException, ProvidersIndexLdifException {
        List<String> problems = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<LdifRecords.Entry> entries = LdifRecords.read(reader, problems);
        List<ProviderEntry> providers = new ArrayList<>();
        for (LdifRecords.Entry entry : entries) {
            boolean isProvider = entry.strings("objectclass").stream().anyMatch(c -> c.equalsIgnoreCase("provider"));
            if (isProvider) {
                toProvider(entry, problems).ifPresent(providers::add);
            }
        }
        checkDomainsAreUnique(providers, problems);
        if (!problems.isEmpty()) {
            throw new ProvidersIndexLdifException(problems);
        }
        return new ProvidersIndex(providers);
    }

    private static java.util.Optional<ProviderEntry> toProvider(LdifRecords.Entry entry, List<String> problems) {
        String where = "entry '" + entry.dn() + "' (line " + entry.line() + ")";
        int before = problems.size();
        String name = single(entry, "providername", where, problems);
        String mailReceipt = single(entry, "mailreceipt", where, problems);
        if (mailReceipt != null && !isAddress(mailReceipt)) {
            problems.add(where + ": mailReceipt '" + mailReceipt + "' is not an address (dot-atom@dot-atom)");
        }
        List<String> domains = required(entry, "manageddomains", where, problems);
        for (String domain : domains) {
            if (!DOT_ATOM_DOMAIN.matcher(domain).matches()) {
                problems.add(where + ": managedDomains '" + domain + "' is not a domain");
            }
        }
        List<String> hashes = required(entry, "providercertificatehash", where, problems);
        for (String hash : hashes) {
            if (!HEX_SHA1.matcher(hash).matches()) {
                problems.add(where + ": providerCertificateHash '" + hash + "' is not 40 hex digits (SHA-1)");
            }
        }
        List<X509Certificate> certificates = certificates(entry, where, problems);
        Set<String> hashSet = new HashSet<>();
        hashes.forEach(h -> hashSet.add(h.toUpperCase(Locale.ROOT)));
        for (X509Certificate certificate : certificates) {
            // a certificate whose hash is not listed can never be found by the lookup of digest 9.3 check 2
            if (!hashSet.contains(Fingerprints.sha1Hex(certificate))) {
                problems.add(where + ": providerCertificate " + certificate.getSubjectX500Principal()
                        + " has no matching providerCertificateHash");
            }
        }
        if (problems.size() > before) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ProviderEntry(name, mailReceipt.toLowerCase(Locale.ROOT), Set.copyOf(domains),
                certificates, hashSet));
    }

    private static List<X509Certificate> certificates(LdifRecords.Entry entry, String where, List<String> problems) {
        List<byte[]> values = entry.values("providercertificate");
        if (values.isEmpty()) {
            problems.add(where + ": providerCertificate is missing");
            return List.of();
        }
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (byte[] der : values) {
                try {
                    certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
                } catch (CertificateException e) {
                    problems.add(where + ": providerCertificate is not a DER X.509 certificate");
                }
            }
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
        }
        return certificates;
    }

    private static String single(LdifRecords.Entry entry, String attribute, String where, List<String> problems) {
        List<String> values = required(entry, attribute, where, problems);
        if (values.size() > 1) {
            problems.add(where + ": " + attribute + " is single-valued but has " + values.size() + " values");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> required(LdifRecords.Entry entry, String attribute, String where, List<String> problems) {
        List<String> values = entry.strings(attribute).stream().filter(v -> !v.isEmpty()).toList();
        if (values.isEmpty()) {
            problems.add(where + ": " + attribute + " is missing");
        }
        return values;
    }

    private static boolean isAddress(String value) {
        int at = value.indexOf('@');
        return at > 0 && at == value.lastIndexOf('@') && DOT_ATOM_DOMAIN.matcher(value.substring(at + 1)).matches()
                && value.substring(0, at).chars().allMatch(c -> c > 32 && c < 127 && "()<>[]:;@\\,\"".indexOf(c) < 0);
    }

    /** A domain managed by two providers would make routing and recipient typing ambiguous. */
    private static void checkDomainsAreUnique(List<ProviderEntry> providers, List<String> problems) {
        java.util.Map<String, String> owner = new java.util.HashMap<>();
        for (ProviderEntry p : providers) {
            for (String d : p.managedDomains()) {
                String previous = owner.putIfAbsent(d, p.name());
                if (previous != null && !previous.equals(p.name())) {
                    problems.add("managedDomains '" + d + "' is claimed by both '" + previous + "' and '" + p.name() + "'");
                }
            }
        }
    }
}
