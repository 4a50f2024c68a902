package io.scatter.api.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the outbox relay.
 *
 * @param interval        pause between relay rounds while there is little to send
 * @param batchSize       rows published and confirmed per transaction
 * @param publishTimeout  how long to wait for the broker's confirms of one batch
 * @param maxBackoff      longest pause after failed rounds (the pause doubles from 250 ms)
 * @param retention       how long sent rows are kept before they are deleted
 * @param cleanupInterval how often sent rows past the retention are deleted
 */
@ConfigurationProperties("scatter.outbox")
record RelayProperties(@DefaultValue("100ms") Duration interval,
                       @DefaultValue("500") int batchSize,
                       @DefaultValue("10s") Duration publishTimeout,
                       @DefaultValue("5s") Duration maxBackoff,
                       @DefaultValue("1d") Duration retention,
                       @DefaultValue("10m") Duration cleanupInterval) {

    RelayProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("scatter.outbox.batch-size must be at least 1, got " + batchSize);
        }
    }
}
