package it.pecgateway.receipts;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tokens {@code <node>.<sequence>.<80 random bits in base 32>}: the random part makes them unguessable (boundaries
 * are derived from Message-IDs, so a sender must not predict them), the node and sequence make them readable in logs.
 */
public final class RandomIdGenerator implements IdGenerator {
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private final SecureRandom random = new SecureRandom();
    private final String node;
    private final AtomicLong sequence = new AtomicLong();

    public RandomIdGenerator(String node) {
        if (!node.matches("[A-Za-z0-9]{1,16}")) {
            throw new IllegalArgumentException("node must be 1-16 letters or digits");
        }
        this.node = node.toLowerCase(Locale.ROOT);
    }

    @Override
    public String nextToken() {
        byte[] bits = new byte[10];
        random.nextBytes(bits);
        StringBuilder token = new StringBuilder(node).append('.').append(sequence.incrementAndGet()).append('.');
        long buffer = 0;
        int available = 0;
        for (byte b : bits) {
            buffer = (buffer << 8) | (b & 0xff);
            available += 8;
            while (available >= 5) {
                token.append(BASE32[(int) (buffer >>> (available - 5)) & 31]);
                available -= 5;
            }
        }
        return token.toString();
    }
}
