package io.scatter.core.jobtype;

/** A job's input or options were rejected; names the field (e.g. {@code input.from}) and says why in one line. */
public final class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** Dotted path of the offending field, e.g. {@code input.to} or {@code options.tasks}. */
    public String field() {
        return field;
    }
}
