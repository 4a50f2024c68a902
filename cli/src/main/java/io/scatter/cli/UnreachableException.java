package io.scatter.cli;

/** The API did not answer at all: refused, unresolvable, timed out or cut off. */
final class UnreachableException extends Exception {

    UnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
