package io.scatter.cli;

/** The exit codes of the {@code scatter} command. */
final class ExitCodes {

    /** The command did what it was asked; a job it waited for SUCCEEDED. */
    static final int OK = 0;
    /** A job it waited for FAILED or was CANCELLED, or the API failed (5xx). */
    static final int FAILED = 1;
    /** Bad usage, or input rejected by the job type or the API (4xx); the message names the flag. */
    static final int USAGE = 2;
    /** The API did not answer at all; the message says at which address. */
    static final int UNREACHABLE = 3;

    private ExitCodes() {
    }
}
