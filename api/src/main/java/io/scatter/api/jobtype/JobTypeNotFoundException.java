package io.scatter.api.jobtype;

import io.scatter.api.problem.ApiException;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/** No registered job type has the requested name; answered with 404 naming the known ones. */
final class JobTypeNotFoundException extends ApiException {

    JobTypeNotFoundException(String name, List<String> known) {
        super(HttpStatus.NOT_FOUND, null, "no job type is named '" + name + "'; known types: "
                + String.join(", ", known), Map.of("knownTypes", known));
    }
}
