package io.scatter.api.deadletter;

import io.scatter.api.problem.ApiException;
import io.scatter.core.job.JobStatus;
import org.springframework.http.HttpStatus;

import java.util.Map;

/** A dead letter that cannot be retried in the state it or its job is in; answered with 409, naming the job status. */
final class RetryConflictException extends ApiException {

    RetryConflictException(String detail) {
        super(HttpStatus.CONFLICT, null, detail);
    }

    RetryConflictException(String detail, JobStatus jobStatus) {
        super(HttpStatus.CONFLICT, null, detail, Map.of("jobStatus", jobStatus.name()));
    }
}
