package io.scatter.api.quota;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scatter.api.auth.Caller;
import io.scatter.api.testing.AdjustableClock;
import io.scatter.api.testing.TestCallers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimiterTest {

    private final AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-01-01T00:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private RateLimiter limiter(double perSecond, Integer burst) {
        return new RateLimiter(new QuotaProperties(perSecond, burst, 0, 0, 0), clock, new QuotaRejections(registry));
    }

    @Test
    void aCallerOverItsBurstIsToldTheLimitAndWhenToRetry() {
        RateLimiter limiter = limiter(1, 2);
        limiter.admit(Caller.ANYONE);
        limiter.admit(Caller.ANYONE);

        assertThatThrownBy(() -> limiter.admit(Caller.ANYONE))
                .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(429);
                    assertThat(e.headers()).containsEntry("Retry-After", "1");
                    assertThat(e.properties()).containsEntry("limit", "requests-per-second").containsEntry("quota", 1L);
                    assertThat(e.getMessage()).contains("more than 1 requests a second (bursts of up to 2)");
                });
        assertThat(registry.counter(QuotaRejections.METRIC, "limit", "requests-per-second").count()).isEqualTo(1);
    }

    @Test
    void twoCallersHaveABucketEach() {
        RateLimiter limiter = limiter(1, 1);
        limiter.admit(TestCallers.named("ci"));

        assertThatCode(() -> limiter.admit(TestCallers.named("nightly"))).doesNotThrowAnyException();
        assertThatCode(() -> limiter.admit(Caller.ANYONE)).doesNotThrowAnyException();
        assertThatThrownBy(() -> limiter.admit(TestCallers.named("ci"))).isInstanceOf(QuotaExceededException.class);
    }

    @Test
    void theBurstIsTwiceTheRateUnlessSet() {
        RateLimiter limiter = limiter(2, null);
        for (int i = 0; i < 4; i++) {
            limiter.admit(Caller.ANYONE);
        }

        assertThatThrownBy(() -> limiter.admit(Caller.ANYONE)).isInstanceOf(QuotaExceededException.class);
    }

    @Test
    void aRateOfZeroLetsEveryRequestThrough() {
        RateLimiter limiter = limiter(0, 1);

        for (int i = 0; i < 10_000; i++) {
            limiter.admit(Caller.ANYONE);
        }
        assertThat(limiter.size()).isZero();
    }

    @Test
    void onlyTheBucketsOfIdleCallersAreEvicted() {
        RateLimiter limiter = limiter(1, 2);
        limiter.admit(TestCallers.named("idle"));
        clock.advance(Duration.ofSeconds(1));
        limiter.admit(TestCallers.named("busy"));
        limiter.admit(TestCallers.named("busy"));

        assertThat(limiter.evictIdle()).isEqualTo(1);
        assertThat(limiter.size()).isEqualTo(1);
        assertThatThrownBy(() -> limiter.admit(TestCallers.named("busy"))).isInstanceOf(QuotaExceededException.class);
    }
}
