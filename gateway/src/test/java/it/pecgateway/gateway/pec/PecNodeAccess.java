package it.pecgateway.gateway.pec;

import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;

/** The transport tests' helpers other test packages reuse. */
public final class PecNodeAccess {
    private PecNodeAccess() {
    }

    public static SSLContext trusting(List<X509Certificate> cas) throws Exception {
        return PecNode.trusting(cas);
    }

}
