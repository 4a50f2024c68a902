package io.scatter.api.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test moves forward at will: another clock (the system's, or a fixed one) plus an offset. */
public final class AdjustableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public AdjustableClock(Clock base) {
        this.base = base;
    }

    /** The system clock in UTC, until moved. */
    public static AdjustableClock system() {
        return new AdjustableClock(Clock.systemUTC());
    }

    /** A clock standing still at {@code instant}, until moved. */
    public static AdjustableClock fixedAt(Instant instant) {
        return new AdjustableClock(Clock.fixed(instant, ZoneOffset.UTC));
    }

    /** Moves the clock forward by {@code duration}. */
    public void advance(Duration duration) {
        offset.accumulateAndGet(duration, Duration::plus);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("an adjustable clock stays in its zone");
    }
}
