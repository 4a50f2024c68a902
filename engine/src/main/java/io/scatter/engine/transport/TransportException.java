package io.scatter.engine.transport;

/** The transport could not do what was asked (broker unreachable, publish not confirmed, closed). */
public final class TransportException extends Exception {

    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
