package io.scatter.api.problem;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 problem documents of the API, with the {@code field} extension when a field is to blame. */
public final class Problems {

    /** Name of the extension property naming the offending field. */
    public static final String FIELD = "field";

    private Problems() {
    }

    /** A problem with {@code status}, {@code detail} and, when not null, {@code field}. */
    public static ProblemDetail of(HttpStatusCode status, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (field != null) {
            problem.setProperty(FIELD, field);
        }
        return problem;
    }
}
