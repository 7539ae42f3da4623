package it.pecgateway.certs;

import java.util.List;

/** The providers index file is not valid LDIF of the RFC 6109 schema; every problem found is listed with its line. */
public final class ProvidersIndexLdifException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ProvidersIndexLdifException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0) : problems.size() + " problems, first: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
