package io.scatter.api.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the API's metrics.
 *
 * @param refreshInterval how often the gauges read from PostgreSQL (jobs by status, outbox, dead letters) and from
 *                        the broker (queue depth and consumers) are read again
 */
@ConfigurationProperties("scatter.metrics")
record MetricsProperties(@DefaultValue("5s") Duration refreshInterval) {

    MetricsProperties {
        if (refreshInterval.isZero() || refreshInterval.isNegative()) {
            throw new IllegalArgumentException("scatter.metrics.refresh-interval must be positive, not "
                    + refreshInterval);
        }
    }
}
