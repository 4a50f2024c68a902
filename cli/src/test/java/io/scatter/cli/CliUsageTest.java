package io.scatter.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CliUsageTest {

    @Test
    void helpPrintsTheUsageOnStdoutAndExitsWith0() {
        for (String help : new String[]{"help", "--help", "-h"}) {
            CliRun run = CliRun.of(help);

            assertThat(run.code()).isZero();
            assertThat(run.out()).startsWith("usage: scatter")
                    .contains("submit TYPE", "status ID", "jobs", "cancel ID");
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void anUnknownCommandExitsWith2AndOneLineOnStderr() {
        CliRun run = CliRun.of("launch", "rocket");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).contains("unknown command 'launch'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void noCommandAtAllExitsWith2AndOneLineOnStderr() {
        CliRun run = CliRun.of();

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).contains("missing command");
    }

    @Test
    void anOptionMissingItsValueExitsWith2AndOneLineOnStderr() {
        CliRun run = CliRun.of("submit", "prime-count", "--from", "0", "--to");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).contains("--to needs a value");
    }

    @Test
    void aBadIntegerExitsWith2AndOneLineOnStderr() {
        CliRun run = CliRun.of("submit", "prime-count", "--from", "0", "--to", "1e6");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).contains("--to must be an integer, got '1e6'");
    }

    @Test
    void aJobIdThatIsNotAUuidExitsWith2AndOneLineOnStderr() {
        CliRun run = CliRun.of("status", "42");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).contains("'42' is not a job id");
    }

    @Test
    void anUnknownJobStatusFilterExitsWith2AndNamesTheKnownOnes() {
        CliRun run = CliRun.of("jobs", "--status", "sleeping");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).contains("QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED");
    }

    @Test
    void aServerThatIsNotAnHttpUrlExitsWith2AndOneLineOnStderr() {
        CliRun run = CliRun.of("--server", "ftp://example", "jobs");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).contains("--server must be an http:// or https:// URL");
    }
}
