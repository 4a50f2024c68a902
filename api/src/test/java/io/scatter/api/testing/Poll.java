package io.scatter.api.testing;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits, within a generous bound, for something that happens asynchronously. */
public final class Poll {

    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long PAUSE_MILLIS = 50;

    private Poll() {
    }

    /** Polls {@code probe} until {@code done} holds for its value, and returns that value; fails after the timeout. */
    public static <T> T until(String what, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = probe.get();
            if (done.test(last)) {
                return last;
            }
            pause(PAUSE_MILLIS);
        }
        throw new AssertionError("timed out after " + TIMEOUT.toSeconds() + " s waiting for " + what
                + "; last seen: " + last);
    }

    /** Checks for {@code duration} that {@code condition} keeps holding; fails as soon as it does not. */
    public static void holds(String what, Duration duration, Supplier<Boolean> condition) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            if (!condition.get()) {
                throw new AssertionError("expected " + what + " to keep holding");
            }
            pause(PAUSE_MILLIS);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
