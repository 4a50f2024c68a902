package io.scatter.cli;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class InterruptsTest {

    private final AtomicInteger halted = new AtomicInteger(-1);
    private final Interrupts interrupts = new Interrupts(halted::set);

    @Test
    void ctrlCWhileNothingIsRegisteredLeavesTheUsualExitAlone() {
        interrupts.shutdown();

        assertThat(halted.get()).isEqualTo(-1);
    }

    @Test
    void ctrlCWhileAJobRunsCancelsItAndExitsWithTheCodeTheCommandEndedWith() throws Exception {
        AtomicBoolean cancelled = new AtomicBoolean();
        interrupts.cancelOnInterrupt(() -> cancelled.set(true));

        CompletableFuture<Void> hook = CompletableFuture.runAsync(interrupts::shutdown);
        Thread.sleep(50);
        assertThat(cancelled).isTrue();
        assertThat(halted.get()).as("waits for the command to report").isEqualTo(-1);
        interrupts.finished(1);
        hook.get(5, TimeUnit.SECONDS);

        assertThat(halted.get()).isEqualTo(1);
    }

    @Test
    void aClosedRegistrationCancelsNothing() {
        AtomicBoolean cancelled = new AtomicBoolean();
        interrupts.cancelOnInterrupt(() -> cancelled.set(true)).close();

        interrupts.shutdown();

        assertThat(cancelled).isFalse();
        assertThat(halted.get()).isEqualTo(-1);
    }
}
