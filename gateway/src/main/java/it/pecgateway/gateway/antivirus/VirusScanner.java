package it.pecgateway.gateway.antivirus;

import it.pecgateway.mailstore.BodySource;

/**
 * Scans a message for viruses (digest 9.6: the provider must run an up-to-date antivirus that never alters the
 * content). A scanner that cannot give a verdict says {@link Verdict#ERROR}: the caller then defers the message
 * (temporary failure) rather than let it through unscanned.
 */
public interface VirusScanner {

    ScanResult scan(BodySource body);

    enum Verdict { CLEAN, INFECTED, ERROR }

    /** @param detail the signature name when infected, the reason when in error; empty when clean */
    record ScanResult(Verdict verdict, String detail) {
        public static ScanResult clean() {
            return new ScanResult(Verdict.CLEAN, "");
        }

        public static ScanResult infected(String signature) {
            return new ScanResult(Verdict.INFECTED, signature);
        }

        public static ScanResult error(String reason) {
            return new ScanResult(Verdict.ERROR, reason);
        }
    }

    /** Scanning turned off (development): every message is clean. */
    static VirusScanner disabled() {
        return body -> ScanResult.clean();
    }
}
