package io.scatter.api.quota;

import io.scatter.api.auth.Caller;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Holds each caller to {@code scatter.quota.requests-per-second} with a token bucket in this replica's memory: no
 * database, and no lock beyond the caller's own bucket for the few instructions of taking a token.
 */
@Component
class RateLimiter {

    private final ConcurrentMap<Caller, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final double perSecond;
    private final int burst;
    private final Clock clock;
    private final QuotaRejections rejections;

    RateLimiter(QuotaProperties properties, Clock clock, QuotaRejections rejections) {
        this.perSecond = properties.requestsPerSecond();
        this.burst = properties.burst();
        this.clock = clock;
        this.rejections = rejections;
    }

    /** Lets one request of {@code caller} through, or throws {@link QuotaExceededException} saying when to retry. */
    void admit(Caller caller) {
        if (perSecond == 0) {
            return;
        }
        long now = clock.millis();
        long retryAfter = buckets.computeIfAbsent(caller, c -> new TokenBucket(perSecond, burst, now)).take(now);
        if (retryAfter > 0) {
            rejections.count(Limit.REQUESTS_PER_SECOND);
            throw new QuotaExceededException(Limit.REQUESTS_PER_SECOND, Quotas.number(perSecond), retryAfter,
                    "more than " + Quotas.number(perSecond) + " requests a second (bursts of up to " + burst
                            + ") from " + Quotas.describe(caller) + "; retry after " + retryAfter + " s");
        }
    }

    /** Forgets the buckets that have filled up again, as a new one would be; returns how many. */
    int evictIdle() {
        long now = clock.millis();
        int evicted = 0;
        for (var entry : buckets.entrySet()) {
            if (entry.getValue().isFull(now) && buckets.remove(entry.getKey(), entry.getValue())) {
                evicted++;
            }
        }
        return evicted;
    }

    /** How many callers have a bucket now. */
    int size() {
        return buckets.size();
    }
}
