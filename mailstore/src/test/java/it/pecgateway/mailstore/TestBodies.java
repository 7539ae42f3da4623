package it.pecgateway.mailstore;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Bodies of any size made on the fly (never held in heap) and their digests. */
public final class TestBodies {
    private TestBodies() {
    }

    /** {@code size} bytes of a repeating pattern, generated as they are read. */
    public static BodySource patterned(long size) {
        return new BodySource() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream open() {
                return new InputStream() {
                    private long position;

                    @Override
                    public int read() {
                        return position < size ? (int) ((position++ * 31 + 7) % 251) : -1;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        if (position >= size) {
                            return -1;
                        }
                        int n = (int) Math.min(len, size - position);
                        for (int i = 0; i < n; i++) {
                            b[off + i] = (byte) ((position++ * 31 + 7) % 251);
                        }
                        return n;
                    }
                };
            }
        };
    }

    public static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
