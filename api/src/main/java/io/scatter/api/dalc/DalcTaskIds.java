package io.scatter.api.dalc;

import io.scatter.api.problem.BadRequestException;

/** Reads dalc task ids from the query string, strictly: only a positive integer is an id. */
final class DalcTaskIds {

    static final String PARAMETER = "id";
    private static final int LONGEST_SHOWN_TEXT = 40;

    private DalcTaskIds() {
    }

    /** The id in {@code text}; throws a {@link BadRequestException} naming {@code id} when absent or not an id. */
    static long parse(String text) {
        if (text == null || text.isBlank()) {
            throw new BadRequestException(PARAMETER, "id is required: the integer id POST /tasks answered, "
                    + "e.g. /tasks?id=1");
        }
        if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                long id = Long.parseLong(text);
                if (id > 0) {
                    return id;
                }
            } catch (NumberFormatException e) {
                // too large: answered below
            }
        }
        String shown = text.length() > LONGEST_SHOWN_TEXT ? text.substring(0, LONGEST_SHOWN_TEXT) + "..." : text;
        throw new BadRequestException(PARAMETER, "id must be a positive integer, got '" + shown + "'");
    }
}
