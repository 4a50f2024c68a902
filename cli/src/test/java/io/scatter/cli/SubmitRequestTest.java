package io.scatter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SubmitRequestTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void from_to_and_tasks_become_the_input_range_and_the_task_count_option() throws Exception {
        assertThat(body("prime-count", "--from", "0", "--to", "1000000", "--tasks", "10"))
                .isEqualTo("{\"type\":\"prime-count\",\"input\":{\"from\":0,\"to\":1000000},"
                        + "\"options\":{\"tasks\":10}}");
    }

    @Test
    void the_algorithm_goes_to_the_options() throws Exception {
        assertThat(body("prime-count", "--algorithm", "trial-division", "--from=1", "--to=10"))
                .isEqualTo("{\"type\":\"prime-count\",\"input\":{\"from\":1,\"to\":10},"
                        + "\"options\":{\"algorithm\":\"trial-division\"}}");
    }

    @Test
    void other_options_go_to_the_input_as_integers_when_they_read_as_integers_else_as_strings() throws Exception {
        assertThat(body("word-count", "--limit", "-12", "--text", "hello world", "--ratio", "0.5",
                "--huge", "123456789012345678901234567890"))
                .isEqualTo("{\"type\":\"word-count\",\"input\":{\"limit\":-12,\"text\":\"hello world\","
                        + "\"ratio\":\"0.5\",\"huge\":123456789012345678901234567890},\"options\":{}}");
    }

    @Test
    void input_takes_a_whole_json_object_and_single_options_are_added_to_it() throws Exception {
        assertThat(body("prime-count", "--input", "{\"from\":5,\"to\":50}", "--to", "60"))
                .isEqualTo("{\"type\":\"prime-count\",\"input\":{\"from\":5,\"to\":60},\"options\":{}}");
    }

    @Test
    void input_that_is_not_a_json_object_is_a_usage_error() {
        assertThatThrownBy(() -> body("prime-count", "--input", "[1,2]"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--input must be a JSON object");
        assertThatThrownBy(() -> body("prime-count", "--input", "{broken"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--input must be a JSON object");
    }

    @Test
    void a_range_bound_that_is_not_an_integer_is_a_usage_error() {
        assertThatThrownBy(() -> body("prime-count", "--from", "ten"))
                .isInstanceOf(UsageException.class).hasMessage("--from must be an integer, got 'ten'");
    }

    @Test
    void a_task_count_below_one_is_a_usage_error() {
        assertThatThrownBy(() -> body("prime-count", "--tasks", "0"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--tasks must be between 1 and");
    }

    @Test
    void a_missing_job_type_is_a_usage_error() {
        assertThatThrownBy(() -> body()).isInstanceOf(UsageException.class).hasMessageContaining("missing job type");
    }

    private String body(String... args) throws UsageException {
        return SubmitRequest.from(Arguments.parse(args), json).toString();
    }
}
