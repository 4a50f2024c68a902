package io.scatter.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CliUsageTest {

    private static final String ID = "3f2a9c4e-0b1d-4c6e-9f00-1a2b3c4d5e6f";
    private static final List<String> COMMANDS = List.of("run", "submit", "status", "watch", "cancel", "jobs",
            "workers", "dead-letters");

    @Test
    void helpListsEveryCommandOnStdoutAndExitsWith0() {
        for (String help : new String[]{"--help", "-h", "help"}) {
            CliRun run = CliRun.of(help);

            assertThat(run.code()).isZero();
            assertThat(run.out()).startsWith("Usage: scatter").contains(COMMANDS).contains("Exit codes:");
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void everyCommandHasHelpWithAnExample() {
        for (String command : COMMANDS) {
            for (CliRun run : List.of(CliRun.of(command, "--help"), CliRun.of("help", command))) {
                assertThat(run.code()).isZero();
                assertThat(run.out()).startsWith("Usage: scatter " + command).contains("Example")
                        .contains("  scatter " + command + " ");
            }
        }
    }

    @Test
    void anUnknownCommandExitsWith2AndOneLineListingTheCommands() {
        CliRun run = CliRun.of("launch", "rocket");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1)
                .contains("scatter: unknown command 'launch'; commands: run, submit, status, watch");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void noCommandAtAllExitsWith2AndOneLine() {
        CliRun run = CliRun.of();

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("scatter: missing command (see 'scatter --help')\n");
    }

    @Test
    void anOptionMissingItsValueExitsWith2AndOneLineNamingIt() {
        CliRun run = CliRun.of("run", "prime-count", "--from", "0", "--to");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).startsWith("scatter: ").contains("'--to'")
                .endsWith("(see 'scatter run --help')\n");
    }

    @Test
    void anOptionGivenTwiceExitsWith2AndOneLine() {
        CliRun run = CliRun.of("run", "prime-count", "--to", "1", "--to", "2");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).contains("'--to'", "only once");
    }

    @Test
    void aRangeBoundThatIsNotAnIntegerExitsWith2AndOneLine() {
        CliRun run = CliRun.of("submit", "prime-count", "--from", "0", "--to", "1e6");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("scatter: --to must be an integer, got '1e6'\n");
    }

    @Test
    void aJobIdThatIsNotAUuidExitsWith2AndOneLine() {
        for (String command : List.of("status", "watch", "cancel")) {
            CliRun run = CliRun.of(command, "42");

            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).hasLineCount(1).contains("'42' is not a job id");
        }
    }

    @Test
    void aMissingJobIdExitsWith2AndOneLine() {
        CliRun run = CliRun.of("status");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).contains("'ID'");
    }

    @Test
    void anUnknownOptionOfACommandWithoutFreeFlagsExitsWith2AndOneLine() {
        CliRun run = CliRun.of("status", ID, "--colour", "red");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).contains("Unknown options: '--colour'");
    }

    @Test
    void anUnknownJobStatusFilterExitsWith2AndNamesTheKnownOnes() {
        CliRun run = CliRun.of("jobs", "--status", "sleeping");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).contains("QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED");
    }

    @Test
    void aLimitOutOfRangeExitsWith2AndOneLine() {
        CliRun run = CliRun.of("jobs", "--limit", "1000");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("scatter: --limit must be an integer between 1 and 100, got '1000'\n");
    }

    @Test
    void aServerThatIsNotAnHttpUrlExitsWith2AndOneLine() {
        CliRun run = CliRun.of("--server", "ftp://example", "jobs");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("scatter: --server must be an http:// or https:// URL, got 'ftp://example'\n");
    }

    @Test
    void workersApplyToLocalModeOnly() {
        CliRun run = CliRun.of("run", "prime-count", "--to", "10", "--workers", "2", "--server",
                "http://127.0.0.1:1");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("scatter: --workers applies to local mode only; drop it or --server\n");
    }
}
