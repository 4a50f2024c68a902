package io.scatter.api.job;

import io.scatter.api.problem.ApiException;
import org.springframework.http.HttpStatus;

/** No job has the requested id (or the id is not a UUID at all); answered with 404. */
public final class JobNotFoundException extends ApiException {

    JobNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, null, "no job has the id '" + id + "'");
    }
}
