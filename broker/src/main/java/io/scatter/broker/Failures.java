package io.scatter.broker;

/** One-line reasons for failures whose telling message sits deep in a chain of causes. */
public final class Failures {

    private Failures() {
    }

    /** The message of the deepest cause that has one (else the class name), on one line. */
    public static String deepestReason(Throwable failure) {
        String last = failure.getClass().getSimpleName();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                last = cause.getMessage();
            }
        }
        return last.replaceAll("\\s+", " ").trim();
    }
}
