package io.scatter.api.dalc;

import io.scatter.api.problem.ApiException;
import org.springframework.http.HttpStatus;

/** No dalc task has the requested id; answered with 404. */
final class DalcTaskNotFoundException extends ApiException {

    DalcTaskNotFoundException(long id) {
        super(HttpStatus.NOT_FOUND, null, "no task has the id " + id);
    }
}
