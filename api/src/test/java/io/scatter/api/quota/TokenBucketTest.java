package io.scatter.api.quota;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    @Test
    void aFullBucketLetsABurstThroughThenSaysWhenToRetry() {
        TokenBucket bucket = new TokenBucket(2, 3, 0);

        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isEqualTo(1);
    }

    @Test
    void tokensComeBackAtTheRate() {
        TokenBucket bucket = new TokenBucket(2, 1, 0);
        bucket.take(0);

        assertThat(bucket.take(250)).isEqualTo(1);
        assertThat(bucket.take(500)).isZero();
        assertThat(bucket.take(500)).isEqualTo(1);
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilATokenIsBack() {
        TokenBucket bucket = new TokenBucket(0.2, 1, 0);
        bucket.take(0);

        assertThat(bucket.take(0)).isEqualTo(5);
        assertThat(bucket.take(4_100)).isEqualTo(1);
    }

    @Test
    void aBucketNeverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(100, 2, 0);

        assertThat(bucket.take(60_000)).isZero();
        assertThat(bucket.take(60_000)).isZero();
        assertThat(bucket.take(60_000)).isEqualTo(1);
    }

    @Test
    void aClockSetBackNeitherRefillsNorDrainsTheBucket() {
        TokenBucket bucket = new TokenBucket(1, 2, 10_000);
        bucket.take(10_000);

        assertThat(bucket.take(5_000)).isZero();
        assertThat(bucket.take(5_000)).isEqualTo(1);
    }

    @Test
    void aBucketIsFullOnceItHasRefilled() {
        TokenBucket bucket = new TokenBucket(1, 2, 0);
        bucket.take(0);

        assertThat(bucket.isFull(500)).isFalse();
        assertThat(bucket.isFull(1_000)).isTrue();
    }
}
