package io.scatter.core.expression;

import io.scatter.core.jobtype.InputSchemaCheck;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Collections;
import java.util.Map;
import java.util.stream.Stream;

class ExpressionSchemaTest {

    private static final Map<String, Object> LARGEST_BATCH_OF_TASKS = Map.of("expressions",
            Collections.nCopies(ExpressionJobType.MAX_TASKS, "1"));

    @TestFactory
    Stream<DynamicTest> theSchemaTellsWhatDefineAccepts() {
        return InputSchemaCheck.of(new ExpressionJobType())
                .roomyInput(LARGEST_BATCH_OF_TASKS)
                .inputBesides("expression", Map.of())
                .inputBesides("expressions", Map.of())
                .text("expression", ExpressionSchemaTest::one)
                .text("expressions", ExpressionSchemaTest::one)
                .probes();
    }

    /** The expression 1, padded with spaces to {@code length} characters. */
    private static String one(int length) {
        return "1" + " ".repeat(length - 1);
    }
}
