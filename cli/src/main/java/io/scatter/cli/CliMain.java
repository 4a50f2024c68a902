package io.scatter.cli;

import java.io.PrintStream;

/** The {@code scatter} command: a client of the Scatter HTTP API. */
public final class CliMain {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private CliMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs {@code args} and returns the exit code: 0 done, 1 failed, 2 bad usage or a request the API rejected. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new Cli(System.getenv(), out, err, System.console() != null).run(args);
    }
}
