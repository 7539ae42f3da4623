package it.pecgateway.receipts;

import it.pecgateway.receipts.daticert.Daticert;
import it.pecgateway.receipts.daticert.DaticertException;
import it.pecgateway.receipts.daticert.DaticertWriter;
import it.pecgateway.receipts.mime.Boundaries;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/** What every builder shares: new ids, the daticert check, and writing the signed message. */
final class Emitter {
    private final PecSettings settings;
    private final SignedMessageWriter writer;
    private final IdGenerator ids;

    Emitter(PecSettings settings, SignedMessageWriter writer, IdGenerator ids) {
        this.settings = settings;
        this.writer = writer;
        this.ids = ids;
    }

    PecSettings settings() {
        return settings;
    }

    String newId(CertifiedTime time) {
        return "opec." + time.compact() + "." + ids.nextToken() + "@" + settings.serviceDomain();
    }

    /** A receipt or notice: its own Message-ID, the usual headers, a daticert. */
    Emitted receipt(MessageKind kind, Transaction t, String to, Body body, Daticert d, Optional<Attachment> postacert,
            OutputStream out) throws IOException {
        String id = newId(t.time());
        Headers headers = Headers.receipt(kind, t.time(), settings.serviceAddress(), to, t, id);
        write(out, headers, t.time(), body, Optional.of(d), postacert);
        return new Emitted(id, kind, Optional.empty());
    }

    void write(OutputStream out, Headers headers, CertifiedTime time, Body body, Optional<Daticert> d,
            Optional<Attachment> postacert) throws IOException {
        Optional<byte[]> xml;
        try {
            xml = d.isPresent() ? Optional.of(DaticertWriter.write(d.get())) : Optional.empty();
        } catch (DaticertException e) {
            throw new IllegalArgumentException("the transaction data make an invalid daticert: " + e.getMessage(), e);
        }
        writer.write(out, headers.fields(), Boundaries.from(ids.nextToken()), time.instant(), body, xml, postacert);
    }
}
