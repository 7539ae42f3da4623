package it.pecgateway.gateway.pec;

import it.pecgateway.gateway.smtp.SmtpMetrics;
import it.pecgateway.receipts.SigningObserver;

/** The callbacks the certified transport reports to; the gateway's metrics implement them. */
public record TransportMetrics(PecMetrics pec, SmtpMetrics smtp, SigningObserver signing) {

    public static TransportMetrics none() {
        return new TransportMetrics(PecMetrics.NONE, SmtpMetrics.NONE, SigningObserver.NONE);
    }
}
