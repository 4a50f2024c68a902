package io.scatter.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;

import java.io.PrintWriter;

/** Runs one command line: parses it with picocli, runs the command, and returns the exit code. */
final class Cli {

    private final CliContext context;

    Cli(CliContext context) {
        this.context = context;
    }

    /** The JSON mapper of the CLI: numbers read exactly. */
    static ObjectMapper mapper() {
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    int run(String... args) {
        try {
            return commandLine().execute(args);
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    /** Every command, with errors turned into one line on stderr and an exit code. */
    CommandLine commandLine() {
        CommandLine scatter = new CommandLine(new ScatterCommand())
                .addSubcommand(new RunCommand(context))
                .addSubcommand(new SubmitCommand(context))
                .addSubcommand(new StatusCommand(context))
                .addSubcommand(new WatchCommand(context))
                .addSubcommand(new CancelCommand(context))
                .addSubcommand(new JobsCommand(context))
                .addSubcommand(new WorkersCommand(context))
                .addSubcommand(new CommandLine(new DeadLettersCommand(context))
                        .addSubcommand(new DeadLetterRetryCommand(context)))
                .addSubcommand(new CommandLine.HelpCommand());
        for (String jobCommand : new String[]{"run", "submit"}) {
            scatter.getSubcommands().get(jobCommand).setUnmatchedOptionsArePositionalParams(true);
        }
        ErrorHandler errors = new ErrorHandler(context.err());
        return scatter
                .setOut(new PrintWriter(context.out(), true))
                .setErr(new PrintWriter(context.err(), true))
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }
}
