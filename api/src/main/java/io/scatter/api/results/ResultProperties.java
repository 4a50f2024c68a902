package io.scatter.api.results;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the result consumer.
 *
 * @param prefetch   how many unacknowledged results the broker may hand the API at once
 * @param maxBackoff longest pause between retries of a result while the database is unavailable
 * @param batchSize  how many of the results already delivered are applied together, in one transaction, at most
 */
@ConfigurationProperties("scatter.results")
record ResultProperties(@DefaultValue("64") int prefetch, @DefaultValue("5s") Duration maxBackoff,
                        @DefaultValue("64") int batchSize) {

    ResultProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("scatter.results.batch-size must be at least 1, not " + batchSize);
        }
    }
}
