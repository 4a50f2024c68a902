package io.scatter.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.util.concurrent.Callable;

/** The top of the command line: {@code scatter [--server URL] COMMAND ...}; its options work after any command too. */
@Command(name = "scatter",
        description = {
                "Runs jobs split into tasks: here on in-process workers (run), or on a Scatter cluster through its "
                        + "HTTP API (submit, status, watch, cancel, jobs, workers, dead-letters)."},
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        optionListHeading = "%nOptions:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:the job failed or was cancelled, or the API failed",
                "2:usage or input error (one line naming the flag)",
                "3:the API is unreachable (the line says at which address)"},
        footerHeading = "%nExamples:%n",
        footer = {
                "  scatter run prime-count --from 0 --to 1000000",
                "  scatter submit prime-count --from 0 --to 1000000000 --tasks 100 --wait",
                "  SCATTER_SERVER=http://head-node:8080 scatter jobs --status RUNNING",
                "The API key (from 'scatter keys create --name NAME') is read from env SCATTER_API_KEY.",
                "Every command has --help with an example, e.g. scatter run --help."})
final class ScatterCommand implements Callable<Integer> {

    @Option(names = "--server", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = {"the Scatter API; default: env SCATTER_SERVER,",
                    "else " + CliContext.DEFAULT_SERVER + " (run: local mode unless given)"})
    String server;

    @Mixin
    HelpOption help;

    @Override
    public Integer call() throws UsageException {
        throw new UsageException("missing command (see 'scatter --help')");
    }
}
