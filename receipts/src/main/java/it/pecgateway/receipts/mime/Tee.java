package it.pecgateway.receipts.mime;

import java.io.IOException;
import java.io.OutputStream;

/** Sends every byte to two streams: the wire and the signature digest see exactly the same bytes. */
public final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    public Tee(OutputStream first, OutputStream second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
        first.write(b);
        second.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        first.write(bytes, offset, length);
        second.write(bytes, offset, length);
    }

    /** Closing the tee closes neither stream: both have owners that close them. */
    @Override
    public void close() {
    }
}
