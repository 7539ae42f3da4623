package it.pecgateway.mailstore;

import java.util.concurrent.atomic.AtomicInteger;

/** Cheap Argon2id parameters for tests, counting the verifications the store asks for. */
public final class CountingHasher extends PasswordHasher {
    public final AtomicInteger verifications = new AtomicInteger();

    public CountingHasher() {
        super(64, 1, 1);
    }

    @Override
    public boolean verify(char[] password, String encoded) {
        verifications.incrementAndGet();
        return super.verify(password, encoded);
    }
}
