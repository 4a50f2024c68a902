package io.scatter.api.job;

import io.scatter.api.page.PageParameters;
import io.scatter.api.problem.BadRequestException;
import io.scatter.core.job.JobStatus;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Which page of the job list to show: an optional status filter, a page size, and an optional keyset cursor, the
 * position (created_at, id) of the last job of the previous page.
 */
record JobQuery(JobStatus status, int limit, Position after) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final String CURSOR_VERSION = "v1";

    /** A job's place in the newest-first order. */
    record Position(Instant createdAt, UUID id) {

        /** The opaque cursor that resumes the list after this position. */
        String toCursor() {
            return PageParameters.cursor(CURSOR_VERSION, new PageParameters.Keyset(createdAt, id));
        }
    }

    /** Reads the query parameters, throwing {@link BadRequestException} naming the parameter that does not fit. */
    static JobQuery of(String status, String limit, String cursor) {
        return new JobQuery(status(status), PageParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT), cursor(cursor));
    }

    private static JobStatus status(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return JobStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("status", "status must be one of QUEUED, RUNNING, SUCCEEDED, FAILED, "
                    + "CANCELLED, got '" + text + "'");
        }
    }

    private static Position cursor(String cursor) {
        PageParameters.Keyset keyset = PageParameters.keyset(CURSOR_VERSION, cursor);
        return keyset == null ? null : new Position(keyset.at(), keyset.id());
    }
}
