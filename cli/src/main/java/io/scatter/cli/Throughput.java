package io.scatter.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;

/** Tasks per second since the first observation, and the time left at that pace. */
final class Throughput {

    private final LongSupplier nanoTime;
    private long firstNanos;
    private int firstDone = -1;

    Throughput(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Takes note of a progress report; the first one is where the pace is measured from. */
    void observe(int done) {
        if (firstDone < 0) {
            firstNanos = nanoTime.getAsLong();
            firstDone = done;
        }
    }

    /** Nanoseconds since the first observation, 0 before it. */
    long sinceFirst() {
        return firstDone < 0 ? 0 : nanoTime.getAsLong() - firstNanos;
    }

    /** Tasks finished per second since the first observation, when any were. */
    OptionalDouble rate(int done) {
        long nanos = sinceFirst();
        if (firstDone < 0 || done <= firstDone || nanos <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((done - firstDone) * 1e9 / nanos);
    }

    /** The time the remaining tasks should take at the current pace, when there is one. */
    Optional<Duration> eta(int done, int total) {
        OptionalDouble rate = rate(done);
        if (rate.isEmpty() || total <= done) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) ((total - done) / rate.getAsDouble() * 1e9)));
    }

    /** E.g. {@code 12.5 tasks/s, ETA 3 s}; empty when no pace is known yet. */
    String describe(int done, int total, String separator) {
        OptionalDouble rate = rate(done);
        if (rate.isEmpty()) {
            return "";
        }
        double perSecond = rate.getAsDouble();
        String text = String.format(Locale.ROOT, perSecond < 100 ? "%.1f tasks/s" : "%.0f tasks/s", perSecond);
        Optional<Duration> eta = eta(done, total);
        return eta.map(left -> text + separator + "ETA " + Durations.remaining(left)).orElse(text);
    }
}
