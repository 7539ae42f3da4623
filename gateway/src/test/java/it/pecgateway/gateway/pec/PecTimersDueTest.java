package it.pecgateway.gateway.pec;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.mailstore.DeliveryTracking.Tracked;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The check a timer notice makes inside its transaction, after the scan picked it. */
class PecTimersDueTest {
    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    private static Tracked row(Instant takenInCharge, Instant delivered, Instant warned, Instant closed) {
        return new Tracked("opec.1@pec.a.example", "anna@pec.b.example", T, takenInCharge, delivered, warned, closed, "{}");
    }

    @Test
    void aReceiptRecordedSinceTheScanStopsTheNotice() {
        List<Tracked> delivered = List.of(row(T, T, null, null));

        assertThat(PecTimers.stillDue(delivered, "anna@pec.b.example", true)).isFalse();
        assertThat(PecTimers.stillDue(delivered, "anna@pec.b.example", false)).isFalse();
    }

    @Test
    void aTakeInChargeStopsTheWarningButNotTheFinalNotice() {
        List<Tracked> takenInCharge = List.of(row(T, null, null, null));

        assertThat(PecTimers.stillDue(takenInCharge, "anna@pec.b.example", false)).isFalse();
        assertThat(PecTimers.stillDue(takenInCharge, "ANNA@pec.b.example", true)).isTrue();
    }

    @Test
    void anOpenTrackingIsDueAndAClosedOneOrAnotherRecipientIsNot() {
        assertThat(PecTimers.stillDue(List.of(row(null, null, null, null)), "anna@pec.b.example", false)).isTrue();
        assertThat(PecTimers.stillDue(List.of(row(null, null, T, null)), "anna@pec.b.example", false)).isFalse();
        assertThat(PecTimers.stillDue(List.of(row(null, null, null, T)), "anna@pec.b.example", true)).isFalse();
        assertThat(PecTimers.stillDue(List.of(row(null, null, null, null)), "bruno@pec.b.example", true)).isFalse();
    }
}
