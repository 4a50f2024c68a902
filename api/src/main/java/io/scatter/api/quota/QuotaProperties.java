package io.scatter.api.quota;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limits every caller (each API key, or everyone as one caller while authentication is off) is held to; 0 turns a
 * limit off.
 *
 * @param requestsPerSecond requests a caller may make a second to this API replica, on average
 * @param burst             requests a caller may make at once after a pause; null for twice {@code requestsPerSecond}
 * @param jobsInFlight      jobs of a caller that may be QUEUED or RUNNING at once
 * @param tasksPerJob       tasks one job may be split into
 * @param rangeWidth        numbers one job may check (the sum of its tasks' {@code numbersChecked})
 */
@ConfigurationProperties("scatter.quota")
record QuotaProperties(
        @DefaultValue("2000") double requestsPerSecond,
        Integer burst,
        @DefaultValue("0") int jobsInFlight,
        @DefaultValue("10000") int tasksPerJob,
        @DefaultValue("0") long rangeWidth) {

    QuotaProperties {
        requireNotNegative("requests-per-second", requestsPerSecond);
        requireNotNegative("jobs-in-flight", jobsInFlight);
        requireNotNegative("tasks-per-job", tasksPerJob);
        requireNotNegative("range-width", rangeWidth);
        if (burst == null) {
            burst = (int) Math.min(Integer.MAX_VALUE, Math.max(1, Math.ceil(2 * requestsPerSecond)));
        } else if (burst < 1) {
            throw new IllegalArgumentException("scatter.quota.burst must be at least 1, got " + burst);
        }
    }

    private static void requireNotNegative(String name, double value) {
        if (value < 0 || Double.isNaN(value)) {
            throw new IllegalArgumentException("scatter.quota." + name + " must be 0 (no limit) or more, got " + value);
        }
    }
}
