package io.scatter.api.job;

import io.scatter.api.problem.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.util.Map;

/** This replica holds as many event streams as it may, or is shutting down; answered with 503 and Retry-After. */
final class TooManyStreamsException extends ApiException {

    static final long RETRY_AFTER_SECONDS = 5;

    private TooManyStreamsException(String detail, int maxStreams) {
        super(HttpStatus.SERVICE_UNAVAILABLE, null, detail,
                Map.of("limit", "max-streams", "quota", maxStreams, "retryAfter", RETRY_AFTER_SECONDS),
                Map.of(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS)));
    }

    /** This replica holds {@code maxStreams} streams already. */
    static TooManyStreamsException full(int maxStreams) {
        return new TooManyStreamsException("this API replica already serves its " + maxStreams
                + " event streams; try again later, or poll GET /api/v1/jobs", maxStreams);
    }

    /** This replica is shutting down and opens no stream. */
    static TooManyStreamsException shuttingDown() {
        return new TooManyStreamsException("this API replica is shutting down; try again", 0);
    }
}
