package io.scatter.worker;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TaskHandlerTest {

    @Test
    void a_failure_is_described_by_its_simple_class_name_and_its_message_on_one_line() {
        assertThat(TaskHandler.oneLine(new ArithmeticException("/ by\n  zero")))
                .isEqualTo("ArithmeticException: / by zero");
    }

    @Test
    void a_failure_without_a_message_is_described_by_its_class_name_alone() {
        assertThat(TaskHandler.oneLine(new NullPointerException())).isEqualTo("NullPointerException");
    }

    @Test
    void a_very_long_message_is_cut_short() {
        assertThat(TaskHandler.oneLine(new IllegalStateException("x".repeat(5000)))).hasSizeLessThanOrEqualTo(1000);
    }
}
