package io.scatter.api.deadletter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the dead-letter consumer.
 *
 * @param prefetch   how many unacknowledged dead letters the broker may hand the API at once
 * @param maxBackoff longest pause between attempts to store a dead letter while the database is unavailable
 */
@ConfigurationProperties("scatter.dead-letters")
record DeadLetterProperties(@DefaultValue("16") int prefetch, @DefaultValue("5s") Duration maxBackoff) {
}
