package io.scatter.pi;

import io.scatter.core.jobtype.InputSchemaCheck;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.stream.Stream;

class PiEstimateSchemaTest {

    @TestFactory
    Stream<DynamicTest> theSchemaTellsWhatDefineAccepts() {
        return InputSchemaCheck.of(new PiEstimateJobType())
                .roomyInput(Map.of("samples", PiEstimateJobType.MAX_SAMPLES))
                .probes();
    }
}
