package io.scatter.cli;

import java.time.Duration;
import java.util.Locale;

/** Durations for people: {@code 0.21 s}, {@code 12.3 s}, {@code 2 min 5 s}, {@code 1 min}, {@code 1 h 2 min}. */
final class Durations {

    private Durations() {
    }

    /** An elapsed time, to the hundredth of a second below ten seconds. */
    static String elapsed(Duration duration) {
        double seconds = Math.max(0, duration.toNanos()) / 1e9;
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.2f s", seconds);
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        return coarse(Math.round(seconds));
    }

    /** A time still to go, in whole seconds rounded up. */
    static String remaining(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        long seconds = (millis + 999) / 1000;
        return seconds < 60 ? seconds + " s" : coarse(seconds);
    }

    private static String coarse(long seconds) {
        if (seconds < 3600) {
            return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        return seconds / 3600 + " h" + (seconds % 3600 / 60 == 0 ? "" : " " + seconds % 3600 / 60 + " min");
    }
}
