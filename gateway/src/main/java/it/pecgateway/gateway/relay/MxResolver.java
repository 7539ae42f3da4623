package it.pecgateway.gateway.relay;

import java.util.List;

/** DNS lookups for mail routing. An interface so that tests never touch the network. */
public interface MxResolver {

    /** MX records of a domain, best preference first; empty when the domain has none. */
    List<MxRecord> mx(String domain) throws DnsException;

    /** Whether the name has an A or AAAA record (RFC 5321 5.1 implicit MX). */
    boolean hasAddress(String host) throws DnsException;

    record MxRecord(int preference, String host) {
        /** RFC 7505 null MX: "0 ." means the domain accepts no mail. */
        public boolean isNullMx() {
            return host.isEmpty() || host.equals(".");
        }
    }

    /** @param permanent the name does not exist (NXDOMAIN); otherwise a temporary DNS failure */
    final class DnsException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean permanent;

        public DnsException(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
