package io.scatter.api.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The limits of the live job streams (Server-Sent Events).
 *
 * @param maxStreams   how many streams one replica keeps open at once; one more is refused with 503
 * @param pollInterval how often PostgreSQL is read for what the open streams follow
 * @param keepAlive    idle time after which a stream gets a comment line, which also finds clients that went away
 * @param maxAge       how long a stream stays open at most; then it ends and the client reconnects
 */
@ConfigurationProperties("scatter.events")
record JobEventProperties(@DefaultValue("256") int maxStreams,
                          @DefaultValue("500ms") Duration pollInterval,
                          @DefaultValue("15s") Duration keepAlive,
                          @DefaultValue("30m") Duration maxAge) {

    JobEventProperties {
        if (maxStreams < 1) {
            throw new IllegalArgumentException("scatter.events.max-streams must be at least 1, got " + maxStreams);
        }
        requirePositive("scatter.events.poll-interval", pollInterval);
        requirePositive("scatter.events.keep-alive", keepAlive);
        requirePositive("scatter.events.max-age", maxAge);
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
