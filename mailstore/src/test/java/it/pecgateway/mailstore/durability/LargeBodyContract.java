package it.pecgateway.mailstore.durability;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.mailstore.TestBodies;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A 100 MB message goes in and out of a store running in a JVM whose whole heap is 48 MB. */
public abstract class LargeBodyContract {
    private static final long SIZE = 100L * 1024 * 1024;

    protected abstract String emptyStoreSpec();

    @Test
    void aHundredMegabyteBodyIsStoredAndReadWithAFortyEightMegabyteHeap() throws Exception {
        Process child = ChildJvm.start(LargeBodyProbe.class, List.of("-Xmx48m"), emptyStoreSpec(), Long.toString(SIZE));
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(out).isZero();
        String expected = TestBodies.sha256(TestBodies.patterned(SIZE).open());
        assertThat(out).startsWith("OK " + SIZE + " " + expected + " maxHeap=");
        assertThat(Long.parseLong(out.substring(out.indexOf("maxHeap=") + 8))).isLessThan(SIZE / 2);
    }
}
