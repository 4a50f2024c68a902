package io.scatter.cli;

/** One verb of the CLI, e.g. {@code submit}; returns the process exit code. */
interface Command {

    int run(Arguments arguments) throws UsageException, ApiException, UnreachableException, InterruptedException;
}
