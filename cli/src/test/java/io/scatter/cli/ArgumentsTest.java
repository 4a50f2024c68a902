package io.scatter.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgumentsTest {

    @Test
    void optionsTakeTheNextWordOrTheTextAfterAnEqualsSign() throws UsageException {
        Arguments arguments = Arguments.parse(new String[]{"jobs", "--status", "RUNNING", "--limit=5", "--wait"});

        assertThat(arguments.command()).isEqualTo("jobs");
        assertThat(arguments.take("--status")).isEqualTo("RUNNING");
        assertThat(arguments.takeInteger("--limit", 1, 10)).isEqualTo(5L);
        assertThat(arguments.flag("--wait")).isTrue();
    }

    @Test
    void aNegativeNumberIsAValueNotAnOption() throws UsageException {
        assertThat(Arguments.parse(new String[]{"--from", "-3"}).takeInteger("--from", -10, 10)).isEqualTo(-3L);
    }

    @Test
    void anOptionAtTheEndOrBeforeAnotherOptionIsMissingItsValue() {
        assertThatThrownBy(() -> Arguments.parse(new String[]{"submit", "x", "--to"}))
                .isInstanceOf(UsageException.class).hasMessage("--to needs a value");
        assertThatThrownBy(() -> Arguments.parse(new String[]{"submit", "x", "--from", "--to", "5"}))
                .isInstanceOf(UsageException.class).hasMessage("--from needs a value");
    }

    @Test
    void anOptionGivenTwiceIsAUsageError() {
        assertThatThrownBy(() -> Arguments.parse(new String[]{"--to", "1", "--to", "2"}))
                .isInstanceOf(UsageException.class).hasMessage("--to is given more than once");
    }

    @Test
    void leftoversAreRejectedByName() throws UsageException {
        Arguments arguments = Arguments.parse(new String[]{"status", "--colour", "red"});
        arguments.command();

        assertThatThrownBy(() -> arguments.rejectLeftovers("status"))
                .isInstanceOf(UsageException.class).hasMessage("unknown option --colour for status");
    }
}
