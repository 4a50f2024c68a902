package io.scatter.messaging;

/** A message could not be read as a Scatter CloudEvent; the reason is one line, suitable for a dead-letter header. */
public final class MalformedMessageException extends Exception {

    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
