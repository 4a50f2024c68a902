package io.scatter.engine.worker;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long a worker waits before putting back a task whose attempt failed in a way a retry may cure: exponential in
 * the attempt ({@code initial}, twice that, four times…, at most {@code max}), with "equal jitter" — half of it fixed,
 * half drawn at random — so that tasks failing together do not all come back at the same moment.
 *
 * <pre>{@code
 * RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
 * backoff.delayAfter(3, random);   // between 2 s and 4 s
 * }</pre>
 *
 * @param initial the delay after a first attempt, before jitter
 * @param max     the longest delay
 */
public record RetryBackoff(Duration initial, Duration max) {

    /** One second after a first attempt, doubling, at most thirty seconds. */
    public static final RetryBackoff DEFAULT = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    public RetryBackoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("the backoff must satisfy 0 <= initial <= max, not initial " + initial
                    + " and max " + max);
        }
    }

    /** The wait after failed attempt {@code attempt} (1 for the first), jittered with {@code random}. */
    public Duration delayAfter(int attempt, RandomGenerator random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, not " + attempt);
        }
        long ceiling = max.toMillis();
        long exponential = initial.toMillis();
        for (int i = 1; i < attempt && exponential > 0 && exponential < ceiling; i++) {
            exponential *= 2;
        }
        exponential = Math.min(exponential, ceiling);
        long half = exponential / 2;
        return Duration.ofMillis(exponential - half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }
}
