package io.scatter.cli;

/** The command line does not fit a command; the message is one line for the user. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
