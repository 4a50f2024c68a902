package io.scatter.core.prime;

import io.scatter.core.jobtype.InputSchemaCheck;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.stream.Stream;

class PrimeCountSchemaTest {

    @TestFactory
    Stream<DynamicTest> theSchemaTellsWhatDefineAccepts() {
        return InputSchemaCheck.of(new PrimeCountJobType())
                .roomyInput(Map.of("from", 0L, "to", PrimeCount.MAX))
                .probes();
    }
}
