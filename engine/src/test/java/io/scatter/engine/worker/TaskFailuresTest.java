package io.scatter.engine.worker;

import io.scatter.core.jobtype.TaskFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskFailuresTest {

    @Test
    void onlyATaskFailedExceptionOrAStackOverflowFailsATaskForGood() {
        assertThat(TaskFailures.curable(new TaskFailedException("division by zero"))).isFalse();
        assertThat(TaskFailures.curable(new StackOverflowError())).isFalse();
        assertThat(TaskFailures.curable(new IllegalStateException("disk full"))).isTrue();
        assertThat(TaskFailures.curable(new OutOfMemoryError("Java heap space"))).isTrue();
    }

    @Test
    void aFailureIsDescribedByItsSimpleClassNameAndItsMessageOnOneLine() {
        assertThat(TaskFailures.oneLine(new ArithmeticException("/ by\n  zero")))
                .isEqualTo("ArithmeticException: / by zero");
        assertThat(TaskFailures.oneLine(new TaskFailedException("division by zero at position 3")))
                .isEqualTo("division by zero at position 3");
        assertThat(TaskFailures.oneLine(new NullPointerException())).isEqualTo("NullPointerException");
        assertThat(TaskFailures.oneLine(new IllegalStateException("x".repeat(5000)))).hasSizeLessThanOrEqualTo(1000);
    }
}
