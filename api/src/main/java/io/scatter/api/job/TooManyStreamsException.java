package io.scatter.api.job;

import io.scatter.api.problem.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.util.Map;

/** This replica already holds as many event streams as it may; answered with 503 and Retry-After. */
final class TooManyStreamsException extends ApiException {

    static final long RETRY_AFTER_SECONDS = 5;

    TooManyStreamsException(int maxStreams) {
        super(HttpStatus.SERVICE_UNAVAILABLE, null, "this API replica already serves its " + maxStreams
                        + " event streams; try again later, or poll GET /api/v1/jobs",
                Map.of("limit", "max-streams", "quota", maxStreams, "retryAfter", RETRY_AFTER_SECONDS),
                Map.of(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS)));
    }
}
