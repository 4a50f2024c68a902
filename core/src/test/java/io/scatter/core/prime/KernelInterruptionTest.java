package io.scatter.core.prime;

import io.scatter.core.jobtype.TaskInterruptedException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kernel stops with a TaskInterruptedException soon after its thread is interrupted, so cancellation works. */
class KernelInterruptionTest {

    /** A range that takes either kernel far longer than the test waits. */
    private static final long FROM = 1_000_000_000_000L;
    private static final long TO = FROM + 1_000_000_000_000L;

    @Test
    void theSieveStopsWhenItsThreadIsInterrupted() throws Exception {
        assertThat(interruptedWhileCounting(new SegmentedSieveKernel())).isInstanceOf(TaskInterruptedException.class);
    }

    @Test
    void theWheelSieveStopsWhenItsThreadIsInterrupted() throws Exception {
        assertThat(interruptedWhileCounting(new WheelSieveKernel())).isInstanceOf(TaskInterruptedException.class);
    }

    @Test
    void trialDivisionStopsWhenItsThreadIsInterrupted() throws Exception {
        assertThat(interruptedWhileCounting(new TrialDivisionKernel())).isInstanceOf(TaskInterruptedException.class);
    }

    /** Starts counting on a thread of its own, interrupts it, and returns what the count threw. */
    private static Throwable interruptedWhileCounting(PrimeKernel kernel) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread counting = new Thread(() -> {
            started.countDown();
            try {
                kernel.countPrimes(FROM, TO);
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        }, "counting");
        counting.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        counting.interrupt();
        counting.join(TimeUnit.MINUTES.toMillis(1));
        assertThat(counting.isAlive()).as("the count still runs a minute after the interrupt").isFalse();
        return thrown.get();
    }
}
