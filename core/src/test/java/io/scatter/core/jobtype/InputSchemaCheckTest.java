package io.scatter.core.jobtype;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link InputSchemaCheck} passes a type whose schema tells the truth and fails one whose schema drifted. */
class InputSchemaCheckTest {

    @TestFactory
    Stream<DynamicTest> aTruthfulSchemaPassesEveryProbe() {
        return InputSchemaCheck.of(new RepeatType(truthful())).roomyInput(Map.of("word", "x")).probes();
    }

    @Test
    void aMaximumAboveWhatDefineAcceptsFailsItsProbe() {
        InputSchema schema = schema(InputField.integer("times", "Times", "How often.").withRange(1, 11)
                .withDefault(2));

        assertThat(failedProbes(schema)).containsExactly("options.times = its maximum is accepted and kept");
    }

    @Test
    void aMinimumBelowWhatDefineAcceptsFailsItsProbe() {
        InputSchema schema = schema(InputField.integer("times", "Times", "How often.").withRange(0, 10)
                .withDefault(2));

        assertThat(failedProbes(schema)).containsExactly("options.times = its minimum is accepted and kept");
    }

    @Test
    void aDefaultThatDefineDoesNotFillInFailsItsProbe() {
        InputSchema schema = schema(InputField.integer("times", "Times", "How often.").withRange(1, 10)
                .withDefault(3));

        assertThat(failedProbes(schema)).containsExactly("options.times defaults to 3");
    }

    @Test
    void anOptionalFieldDeclaredRequiredFailsItsProbe() {
        InputSchema schema = schema(InputField.integer("times", "Times", "How often.").withRange(1, 10)
                .withDefault(2).required());

        assertThat(failedProbes(schema)).containsExactly("options.times is required");
    }

    @Test
    void aFieldDefineDoesNotKnowFailsItsProbes() {
        InputSchema schema = InputSchema.builder("Repeat", "Repeats a word.")
                .input(InputField.string("word", "Word", "The word.").withMaxLength(20).required())
                .option(InputField.integer("times", "Times", "How often.").withRange(1, 10).withDefault(2))
                .option(InputField.bool("shout", "Shout", "Whether in capitals."))
                .build();

        assertThat(failedProbes(schema)).containsExactly("options.shout = true is accepted and kept",
                "options.shout = false is accepted and kept");
    }

    @Test
    void aFieldDefineKeepsButTheSchemaDoesNotListFailsTheFirstProbe() {
        InputSchema schema = InputSchema.builder("Repeat", "Repeats a word.")
                .input(InputField.string("word", "Word", "The word.").withMaxLength(20).required())
                .build();

        assertThat(failedProbes(schema))
                .containsExactly("the roomy input is accepted and define keeps no field the schema does not list");
    }

    private static InputSchema truthful() {
        return schema(InputField.integer("times", "Times", "How often.").withRange(1, 10).withDefault(2));
    }

    private static InputSchema schema(InputField times) {
        return InputSchema.builder("Repeat", "Repeats a word.")
                .input(InputField.string("word", "Word", "The word.").withMaxLength(20).required())
                .option(times)
                .build();
    }

    private static List<String> failedProbes(InputSchema schema) {
        List<String> failed = new ArrayList<>();
        InputSchemaCheck.of(new RepeatType(schema)).roomyInput(Map.of("word", "x")).probes().forEach(probe -> {
            try {
                probe.getExecutable().execute();
            } catch (Throwable e) {
                failed.add(probe.getDisplayName());
            }
        });
        return failed;
    }

    /** Input {@code word}, a string of 1 to 20 characters, required; option {@code times}, 1 to 10, default 2. */
    private record RepeatType(InputSchema schema) implements JobType {

        @Override
        public String name() {
            return "repeat";
        }

        @Override
        public Optional<InputSchema> inputSchema() {
            return Optional.of(schema);
        }

        @Override
        public JobDefinition define(Map<String, Object> input, Map<String, Object> options) {
            Inputs.rejectUnknownKeys(input, "input", List.of("word"));
            Inputs.rejectUnknownKeys(options, "options", List.of("times"));
            if (!(input.get("word") instanceof String word) || word.isEmpty() || word.length() > 20) {
                throw new InvalidInputException("input.word", "input.word must be a string of 1 to 20 characters");
            }
            long times = Inputs.optionalLong(options, "options.times", 1, 10, 2);
            return new JobDefinition(Map.of("word", word), Map.of("times", times));
        }

        @Override
        public List<Map<String, Object>> split(JobDefinition job) {
            return List.of(job.input());
        }

        @Override
        public Map<String, Object> compute(Map<String, Object> task) {
            return task;
        }

        @Override
        public Map<String, Object> emptyResult() {
            return Map.of();
        }

        @Override
        public Map<String, Object> combine(Map<String, Object> a, Map<String, Object> b) {
            return a;
        }
    }
}
