package it.pecgateway.receipts.testing;

import it.pecgateway.receipts.ByteSource;
import it.pecgateway.receipts.mime.MimeNode;
import it.pecgateway.receipts.mime.MimeScanner;
import it.pecgateway.receipts.mime.TransferDecoding;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;

/** The real messages copied into test resources, and the certificates embedded in their signatures. */
public final class Fixtures {
    public static final String ACCETTAZIONE = "aruba-2021-accettazione.eml";
    public static final String CONSEGNA = "aruba-2021-avvenuta-consegna.eml";
    public static final String MANCATA_CONSEGNA = "aruba-2021-mancata-consegna.eml";

    private Fixtures() {
    }

    public static byte[] real(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/real/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /real/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every certificate in the CMS of a signed message (signer first as stored). */
    public static List<X509Certificate> embeddedCertificates(byte[] message) throws Exception {
        ByteSource source = ByteSource.of(message);
        MimeNode root;
        try (InputStream in = source.open()) {
            root = MimeScanner.scan(in);
        }
        MimeNode sig = root.children().get(1);
        byte[] cms = TransferDecoding.decode(source.slice(sig.bodyStart(), sig.bodyEnd()), sig.transferEncoding(),
                1 << 20);
        List<X509Certificate> out = new ArrayList<>();
        for (X509CertificateHolder h : new CMSSignedData(cms).getCertificates().getMatches(null)) {
            out.add(new JcaX509CertificateConverter().getCertificate(h));
        }
        return out;
    }

    /** The issuing CA embedded in a real Aruba message: AgID CA1. */
    public static X509Certificate agidCa1(byte[] message) throws Exception {
        return embeddedCertificates(message).stream()
                .filter(c -> c.getSubjectX500Principal().getName().contains("CN=AgID CA1"))
                .findFirst().orElseThrow();
    }

    public static X509Certificate arubaSigner(byte[] message) throws Exception {
        return embeddedCertificates(message).stream()
                .filter(c -> c.getSubjectX500Principal().getName().contains("ARUBA PEC"))
                .findFirst().orElseThrow();
    }
}
