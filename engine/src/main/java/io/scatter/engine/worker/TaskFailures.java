package io.scatter.engine.worker;

import io.scatter.core.jobtype.TaskFailedException;

/** How a worker tells and describes what a task's computation threw. */
final class TaskFailures {

    private static final int MAX_ERROR_LENGTH = 1000;

    private TaskFailures() {
    }

    /**
     * Whether another attempt may cure {@code failure}: anything but a {@link TaskFailedException} (the type says the
     * payload cannot be computed) and a {@link StackOverflowError} (the payload nests too deep, everywhere alike).
     */
    static boolean curable(Throwable failure) {
        return failure != null && !(failure instanceof TaskFailedException) && !(failure instanceof StackOverflowError);
    }

    /** {@code text} on one line (a message's own text may hold line breaks that would forge log lines), shortened. */
    static String oneLine(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return line.length() > MAX_ERROR_LENGTH ? line.substring(0, MAX_ERROR_LENGTH - 1) + "…" : line;
    }

    /**
     * The failure on one line: a {@link TaskFailedException}'s message as it is, e.g. {@code division by zero};
     * anything else with its simple class name, e.g. {@code ArithmeticException: / by zero}.
     */
    static String oneLine(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage().replaceAll("\\s+", " ").trim();
        String type = failure.getClass().getSimpleName().isEmpty()
                ? failure.getClass().getName()
                : failure.getClass().getSimpleName();
        String line = message.isEmpty() ? type
                : failure instanceof TaskFailedException ? message
                : type + ": " + message;
        return oneLine(line);
    }
}
