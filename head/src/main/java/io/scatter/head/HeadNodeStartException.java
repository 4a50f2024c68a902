package io.scatter.head;

/** A part of the head node did not start; the message says which and why, on one line. */
final class HeadNodeStartException extends Exception {

    HeadNodeStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
