package it.pecgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SizesAndDurationsTest {
    @Test
    void sizesAreBytesOrDecimalOrBinaryUnits() {
        assertThat(Sizes.parse("1048576")).isEqualTo(1_048_576L);
        assertThat(Sizes.parse("30MB")).isEqualTo(30_000_000L);
        assertThat(Sizes.parse("30MiB")).isEqualTo(31_457_280L);
        assertThat(Sizes.parse("30 mib")).isEqualTo(31_457_280L);
        assertThat(Sizes.parse("2GiB")).isEqualTo(2L << 30);
        assertThat(Sizes.parse("512KB")).isEqualTo(512_000L);
        assertThat(Sizes.parse("7B")).isEqualTo(7L);
    }

    @Test
    void aSizeWithAnUnknownUnitOrTooLargeIsRefused() {
        assertThatThrownBy(() -> Sizes.parse("30 furlongs")).hasMessageStartingWith("'30 furlongs' is not a size");
        assertThatThrownBy(() -> Sizes.parse("-1")).hasMessageContaining("is not a size");
        assertThatThrownBy(() -> Sizes.parse("99999999999TiB")).hasMessageContaining("too large");
    }

    @Test
    void durationsAreShortUnitsOrIso8601() {
        assertThat(Durations.parse("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(Durations.parse("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Durations.parse("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Durations.parse("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void aBareNumberIsNotADuration() {
        assertThatThrownBy(() -> Durations.parse("12")).hasMessage("'12' is not a duration (for example 250ms, 45s, 30m, 12h, 7d or PT12H)");
        assertThatThrownBy(() -> Durations.parse("P1X")).hasMessageContaining("is not a duration");
    }
}
