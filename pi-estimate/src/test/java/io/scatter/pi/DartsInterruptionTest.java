package io.scatter.pi;

import io.scatter.core.jobtype.TaskInterruptedException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class DartsInterruptionTest {

    @Test
    void throwingDartsStopsWithATaskInterruptedExceptionWhenItsThreadIsInterrupted() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread throwing = new Thread(() -> {
            started.countDown();
            try {
                Darts.inside(42, Long.MAX_VALUE);
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        }, "darts");
        throwing.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        throwing.interrupt();
        throwing.join(TimeUnit.MINUTES.toMillis(1));

        assertThat(throwing.isAlive()).as("still throwing a minute after the interrupt").isFalse();
        assertThat(thrown.get()).isInstanceOf(TaskInterruptedException.class);
    }
}
