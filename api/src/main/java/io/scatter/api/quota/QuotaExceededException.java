package io.scatter.api.quota;

import io.scatter.api.problem.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.util.Map;

/** A caller over a limit that clears with time (requests a second, jobs in flight); answered with 429 and Retry-After. */
public final class QuotaExceededException extends ApiException {

    QuotaExceededException(Limit limit, Number quota, long retryAfterSeconds, String detail) {
        super(HttpStatus.TOO_MANY_REQUESTS, null, detail,
                Map.of("limit", limit.label(), "quota", quota, "retryAfter", retryAfterSeconds),
                Map.of(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds)));
    }
}
