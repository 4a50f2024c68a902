package io.scatter.cli;

/** The command line, or the input it describes, is wrong; the message is one line naming the flag. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
