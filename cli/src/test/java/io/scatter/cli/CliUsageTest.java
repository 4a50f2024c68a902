package io.scatter.cli;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CliUsageTest {

    @Test
    void help_prints_the_usage_on_stdout_and_exits_with_0() {
        for (String help : new String[]{"help", "--help", "-h"}) {
            CliRun run = CliRun.of(help);

            assertThat(run.code()).isZero();
            assertThat(run.out()).startsWith("usage: scatter")
                    .contains("submit TYPE", "status ID", "jobs", "cancel ID");
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void an_unknown_command_exits_with_2_and_one_line_on_stderr() {
        CliRun run = CliRun.of("launch", "rocket");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).contains("unknown command 'launch'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void no_command_at_all_exits_with_2_and_one_line_on_stderr() {
        CliRun run = CliRun.of();

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).contains("missing command");
    }

    @Test
    void an_option_missing_its_value_exits_with_2_and_one_line_on_stderr() {
        CliRun run = CliRun.of("submit", "prime-count", "--from", "0", "--to");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).contains("--to needs a value");
    }

    @Test
    void a_bad_integer_exits_with_2_and_one_line_on_stderr() {
        CliRun run = CliRun.of("submit", "prime-count", "--from", "0", "--to", "1e6");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).contains("--to must be an integer, got '1e6'");
    }

    @Test
    void a_job_id_that_is_not_a_uuid_exits_with_2_and_one_line_on_stderr() {
        CliRun run = CliRun.of("status", "42");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).contains("'42' is not a job id");
    }

    @Test
    void an_unknown_job_status_filter_exits_with_2_and_names_the_known_ones() {
        CliRun run = CliRun.of("jobs", "--status", "sleeping");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).contains("QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED");
    }

    @Test
    void a_server_that_is_not_an_http_url_exits_with_2_and_one_line_on_stderr() {
        CliRun run = CliRun.of("--server", "ftp://example", "jobs");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).contains("--server must be an http:// or https:// URL");
    }
}
