package io.scatter.cli;

import picocli.CommandLine;

import java.io.PrintStream;
import java.util.List;

/** Turns every failure into one line on stderr, prefixed {@code scatter: }, and its exit code. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    private final PrintStream err;

    ErrorHandler(PrintStream err) {
        this.err = err;
    }

    /** A command line picocli could not parse: exit 2, with where to find help. */
    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String message = e.getMessage();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && command.getParent() == null) {
            List<String> words = unmatched.getUnmatched();
            if (!words.isEmpty() && !words.get(0).startsWith("-")) {
                message = "unknown command '" + words.get(0) + "'; commands: "
                        + String.join(", ", command.getSubcommands().keySet());
            }
        }
        line(message + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
        if (e instanceof UsageException) {
            line(e.getMessage());
            return ExitCodes.USAGE;
        }
        if (e instanceof ApiException api) {
            line(api.getMessage());
            return api.isClientError() ? ExitCodes.USAGE : ExitCodes.FAILED;
        }
        if (e instanceof UnreachableException) {
            line(e.getMessage());
            return ExitCodes.UNREACHABLE;
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            line("interrupted");
            return ExitCodes.FAILED;
        }
        line("unexpected error: " + e);
        return ExitCodes.FAILED;
    }

    private void line(String message) {
        err.println("scatter: " + message.replaceAll("\\s+", " ").trim());
        err.flush();
    }
}
