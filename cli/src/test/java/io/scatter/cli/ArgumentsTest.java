package io.scatter.cli;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ArgumentsTest {

    @Test
    void options_take_the_next_word_or_the_text_after_an_equals_sign() throws UsageException {
        Arguments arguments = Arguments.parse(new String[]{"jobs", "--status", "RUNNING", "--limit=5", "--wait"});

        assertThat(arguments.command()).isEqualTo("jobs");
        assertThat(arguments.take("--status")).isEqualTo("RUNNING");
        assertThat(arguments.takeInteger("--limit", 1, 10)).isEqualTo(5L);
        assertThat(arguments.flag("--wait")).isTrue();
    }

    @Test
    void a_negative_number_is_a_value_not_an_option() throws UsageException {
        assertThat(Arguments.parse(new String[]{"--from", "-3"}).takeInteger("--from", -10, 10)).isEqualTo(-3L);
    }

    @Test
    void an_option_at_the_end_or_before_another_option_is_missing_its_value() {
        assertThatThrownBy(() -> Arguments.parse(new String[]{"submit", "x", "--to"}))
                .isInstanceOf(UsageException.class).hasMessage("--to needs a value");
        assertThatThrownBy(() -> Arguments.parse(new String[]{"submit", "x", "--from", "--to", "5"}))
                .isInstanceOf(UsageException.class).hasMessage("--from needs a value");
    }

    @Test
    void an_option_given_twice_is_a_usage_error() {
        assertThatThrownBy(() -> Arguments.parse(new String[]{"--to", "1", "--to", "2"}))
                .isInstanceOf(UsageException.class).hasMessage("--to is given more than once");
    }

    @Test
    void leftovers_are_rejected_by_name() throws UsageException {
        Arguments arguments = Arguments.parse(new String[]{"status", "--colour", "red"});
        arguments.command();

        assertThatThrownBy(() -> arguments.rejectLeftovers("status"))
                .isInstanceOf(UsageException.class).hasMessage("unknown option --colour for status");
    }
}
