package io.scatter.worker;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskHandlerTest {

    @Test
    void aFailureIsDescribedByItsSimpleClassNameAndItsMessageOnOneLine() {
        assertThat(TaskHandler.oneLine(new ArithmeticException("/ by\n  zero")))
                .isEqualTo("ArithmeticException: / by zero");
    }

    @Test
    void aFailureWithoutAMessageIsDescribedByItsClassNameAlone() {
        assertThat(TaskHandler.oneLine(new NullPointerException())).isEqualTo("NullPointerException");
    }

    @Test
    void aVeryLongMessageIsCutShort() {
        assertThat(TaskHandler.oneLine(new IllegalStateException("x".repeat(5000)))).hasSizeLessThanOrEqualTo(1000);
    }
}
