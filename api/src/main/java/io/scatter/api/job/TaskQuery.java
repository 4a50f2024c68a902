package io.scatter.api.job;

import io.scatter.api.page.PageParameters;
import io.scatter.api.problem.BadRequestException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Which page of a job's tasks to show: a page size, and the index of the previous page's last task (from a cursor). */
record TaskQuery(int limit, int afterIndex) {

    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 1000;
    /** The cursor of no page: the list starts at index 0. */
    static final int START = -1;
    private static final String CURSOR_PREFIX = "t1|";

    /** Reads the query parameters, throwing {@link BadRequestException} naming the parameter that does not fit. */
    static TaskQuery of(String limit, String cursor) {
        return new TaskQuery(PageParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT), afterIndex(cursor));
    }

    /** The opaque cursor that resumes the list after the task at {@code index}. */
    static String cursorAfter(int index) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + index).getBytes(StandardCharsets.UTF_8));
    }

    private static int afterIndex(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return START;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(CURSOR_PREFIX)) {
                int index = Integer.parseInt(text.substring(CURSOR_PREFIX.length()));
                if (index >= 0) {
                    return index;
                }
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new BadRequestException("cursor", "cursor is not one this API handed out; "
                + "use the nextCursor of a previous page");
    }
}
