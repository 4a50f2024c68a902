package io.scatter.api.workers;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the API judges workers by their heartbeats.
 *
 * @param lostAfter     silence after which a worker is LOST (three of the workers' default 5 s heartbeats)
 * @param forgetAfter   silence after which a worker is no longer listed at all
 * @param sweepInterval how often workers past {@code forgetAfter} are removed from memory
 * @param reapInterval  how often the tasks that LOST workers held are looked for and published again
 */
@ConfigurationProperties("scatter.workers")
record WorkersProperties(@DefaultValue("15s") Duration lostAfter,
                         @DefaultValue("10m") Duration forgetAfter,
                         @DefaultValue("1m") Duration sweepInterval,
                         @DefaultValue("5s") Duration reapInterval) {

    WorkersProperties {
        requirePositive("scatter.workers.lost-after", lostAfter);
        requirePositive("scatter.workers.forget-after", forgetAfter);
        requirePositive("scatter.workers.sweep-interval", sweepInterval);
        requirePositive("scatter.workers.reap-interval", reapInterval);
        if (forgetAfter.compareTo(lostAfter) < 0) {
            throw new IllegalArgumentException("scatter.workers.forget-after (" + forgetAfter
                    + ") must not be shorter than scatter.workers.lost-after (" + lostAfter + ")");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
