package io.scatter.api.quota;

import io.scatter.api.workers.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Once a minute, forgets the rate-limit buckets of callers idle long enough for theirs to fill up again. */
@Component
class IdleBucketSweeper extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(IdleBucketSweeper.class);

    private final RateLimiter limiter;

    IdleBucketSweeper(RateLimiter limiter) {
        super("scatter-quota-sweeper", Duration.ofMinutes(1));
        this.limiter = limiter;
    }

    @Override
    protected void runOnce() {
        int evicted = limiter.evictIdle();
        if (evicted > 0) {
            log.debug("Forgot the rate-limit buckets of {} idle callers; {} remain", evicted, limiter.size());
        }
    }
}
