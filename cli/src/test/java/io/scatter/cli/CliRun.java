package io.scatter.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One run of the CLI in-process, with its exit code and what it printed. */
record CliRun(int code, String out, String err) {

    /** A run with no SCATTER_SERVER, not on a terminal, local mode on the real engine. */
    static CliRun of(String... args) {
        return with(Map.of(), false, args);
    }

    static CliRun with(Map<String, String> environment, boolean terminal, String... args) {
        return in(environment, terminal, new EngineLocalJobs(), Interrupts.ignored(), args);
    }

    /** A run whose local mode is {@code local}. */
    static CliRun local(LocalJobs local, boolean terminal, String... args) {
        return in(Map.of(), terminal, local, Interrupts.ignored(), args);
    }

    static CliRun in(Map<String, String> environment, boolean terminal, LocalJobs local, Interrupts interrupts,
                     String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal, Cli.mapper(), local, interrupts,
                System::nanoTime);
        int code = new Cli(context).run(args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
