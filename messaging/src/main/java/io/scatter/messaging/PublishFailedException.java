package io.scatter.messaging;

/** The broker did not confirm a publish: nacked, returned as unroutable, timed out, or the channel closed. */
public final class PublishFailedException extends Exception {

    public PublishFailedException(String message) {
        super(message);
    }

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
