package io.scatter.engine.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded waits for asynchronous tests: poll a condition until it holds or 30 seconds pass. */
public final class Await {

    /** The longest any single wait lasts. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final long POLL_MILLIS = 10;

    private Await() {
    }

    /** Returns once {@code condition} holds; fails the test after {@link #TIMEOUT}. */
    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + TIMEOUT.toSeconds() + " s waiting until " + what);
            }
            pause(Duration.ofMillis(POLL_MILLIS));
        }
    }

    /** Lets other threads run for {@code duration}, e.g. to give a wrong redelivery the chance to show up. */
    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
