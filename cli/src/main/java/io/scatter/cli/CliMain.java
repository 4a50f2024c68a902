package io.scatter.cli;

import java.io.PrintStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The {@code scatter} command: runs jobs locally, or submits and follows them on a Scatter API. */
public final class CliMain {

    /** The engine's log: only warnings, one line each, so stderr carries progress, the summary and errors. */
    private static final Logger ENGINE_LOG = Logger.getLogger("io.scatter");

    private CliMain() {
    }

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "scatter: %4$s: %5$s%6$s%n");
        }
        ENGINE_LOG.setLevel(Level.WARNING);
        Interrupts interrupts = Interrupts.install();
        int code = run(args, System.out, System.err, interrupts);
        interrupts.finished(code);
        System.exit(code);
    }

    /** Runs {@code args} and returns the exit code: 0 success, 1 failed, 2 usage or input error, 3 unreachable. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Interrupts.ignored());
    }

    private static int run(String[] args, PrintStream out, PrintStream err, Interrupts interrupts) {
        CliContext context = new CliContext(System.getenv(), out, err, System.console() != null, Cli.mapper(),
                new EngineLocalJobs(), interrupts, System::nanoTime);
        return new Cli(context).run(args);
    }
}
