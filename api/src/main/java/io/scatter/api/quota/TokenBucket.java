package io.scatter.api.quota;

/** One caller's allowance of requests: up to {@code capacity} tokens, refilled at a steady rate, one taken a request. */
final class TokenBucket {

    private final double perMilli;
    private final double capacity;
    private double tokens;
    private long updatedAt;

    /** A full bucket at {@code now} (milliseconds). */
    TokenBucket(double perSecond, int capacity, long now) {
        this.perMilli = perSecond / 1000;
        this.capacity = capacity;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes a token at {@code now}: 0 if there was one, else the whole seconds (at least 1) until there is one. */
    synchronized long take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perMilli / 1000));
    }

    /** Whether the bucket is full at {@code now}, i.e. no different from a new one. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        // a clock set back refills nothing rather than draining the bucket
        if (now > updatedAt) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) * perMilli);
            updatedAt = now;
        }
    }
}
