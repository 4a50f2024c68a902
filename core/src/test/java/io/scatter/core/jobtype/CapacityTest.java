package io.scatter.core.jobtype;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapacityTest {

    @Test
    void aTaskCountIsRoundedUpToWholeWavesOverTheSlots() {
        Capacity eight = new Capacity(8);

        assertThat(eight.fill(9, 1000)).isEqualTo(16);
        assertThat(eight.fill(16, 1000)).isEqualTo(16);
        assertThat(eight.fill(17, 1000)).isEqualTo(24);
    }

    @Test
    void fewerTasksThanSlotsAlreadyRunAtOnceAndStayAsTheyAre() {
        assertThat(new Capacity(8).fill(5, 1000)).isEqualTo(5);
    }

    @Test
    void unknownSlotsLeaveTheCountAsItIsAndTheMaximumAlwaysHolds() {
        assertThat(Capacity.UNKNOWN.fill(9, 1000)).isEqualTo(9);
        assertThat(new Capacity(8).fill(9, 12)).isEqualTo(12);
        assertThat(Capacity.UNKNOWN.fill(9, 4)).isEqualTo(4);
    }

    @Test
    void negativeSlotsAreRefused() {
        assertThatThrownBy(() -> new Capacity(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
