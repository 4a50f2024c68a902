package io.scatter.api.problem;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

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

    /** One line saying why a body is not valid JSON and where, without the parser's source excerpt. */
    public static String invalidJson(JacksonException e) {
        String reason = String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " ").trim();
        int excerpt = reason.indexOf(" (start marker at");
        if (excerpt > 0) {
            reason = reason.substring(0, excerpt);
        }
        TokenStreamLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 1
                ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return "the request body is not valid JSON" + where + ": " + reason;
    }
}
