package io.scatter.core.jobtype;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputSchemaTest {

    private static final InputSchema SCHEMA = InputSchema.builder("Every kind", "Has a field of every kind.")
            .input(InputField.integer("count", "Count", "How many.").withRange(1, 1_000_000_000_000_000L)
                    .withDefault(10).required())
            .input(InputField.string("note", "Note", "Anything.").withMaxLength(80).withDefault("hi").withMultiline())
            .input(InputField.stringList("lines", "Lines", "One item a line.").withItems(1, 50).withMaxItemLength(9))
            .option(InputField.choice("mode", "Mode", "How.", List.of("fast", "slow")).withDefault("slow"))
            .option(InputField.bool("loud", "Loud", "Whether in capitals.").withDefault(true))
            .build();

    @Test
    void theInputRendersAsAJsonSchemaObjectWithEveryKindOfProperty() {
        assertThat(SCHEMA.inputJsonSchema()).isEqualTo(Map.of(
                "type", "object",
                "properties", Map.of(
                        "count", Map.of("type", "integer", "title", "Count", "description", "How many.",
                                "minimum", 1L, "maximum", 1_000_000_000_000_000L, "default", 10L),
                        "note", Map.of("type", "string", "title", "Note", "description", "Anything.",
                                "maxLength", 80, "default", "hi", "x-multiline", true),
                        "lines", Map.of("type", "array", "title", "Lines", "description", "One item a line.",
                                "items", Map.of("type", "string", "maxLength", 9), "minItems", 1, "maxItems", 50)),
                "required", List.of("count"),
                "additionalProperties", false));
    }

    @Test
    void theOptionsRenderWithTheirEnumsAndDefaultsAndAnEmptyRequiredList() {
        assertThat(SCHEMA.optionsJsonSchema()).isEqualTo(Map.of(
                "type", "object",
                "properties", Map.of(
                        "mode", Map.of("type", "string", "title", "Mode", "description", "How.",
                                "enum", List.of("fast", "slow"), "default", "slow"),
                        "loud", Map.of("type", "boolean", "title", "Loud", "description", "Whether in capitals.",
                                "default", true)),
                "required", List.of(),
                "additionalProperties", false));
    }

    @Test
    void propertiesKeepTheOrderTheFieldsWereAddedIn() {
        assertThat(List.copyOf(((Map<?, ?>) SCHEMA.inputJsonSchema().get("properties")).keySet()))
                .isEqualTo(List.of("count", "note", "lines"));
        assertThat(SCHEMA.inputJsonSchema().keySet())
                .containsExactly("type", "properties", "required", "additionalProperties");
    }

    @Test
    void boundsADoubleCannotHoldExactlyAreLeftOut() {
        Map<String, Object> anyLong = InputField.integer("seed", "Seed", "Any long.").jsonSchema();
        Map<String, Object> aboveTwoToThe53 = InputField.integer("n", "N", "Big.")
                .withRange(-(1L << 60), (1L << 53) + 1).jsonSchema();

        assertThat(anyLong).containsEntry("minimum", Long.MIN_VALUE).doesNotContainKey("maximum");
        assertThat(aboveTwoToThe53).containsEntry("minimum", -(1L << 60)).doesNotContainKey("maximum");
    }

    @Test
    void unboundedStringsAndListsHaveNoLengthOrItemBounds() {
        assertThat(InputField.string("s", "S", "Text.").jsonSchema()).doesNotContainKeys("maxLength", "x-multiline");
        assertThat(InputField.stringList("l", "L", "Lines.").jsonSchema())
                .doesNotContainKeys("minItems", "maxItems")
                .containsEntry("items", Map.of("type", "string"));
    }

    @Test
    void fieldsAreLookedUpByName() {
        assertThat(SCHEMA.inputField("note")).map(InputField::name).hasValue("note");
        assertThat(SCHEMA.optionField("mode")).map(InputField::isRequired).hasValue(false);
        assertThat(SCHEMA.inputField("mode")).isEmpty();
    }

    @Test
    void aTypeThatDoesNotDescribeItselfHasNoSchema() {
        JobType type = new JobType() {
            public String name() {
                return "bare";
            }

            public JobDefinition define(Map<String, Object> input, Map<String, Object> options) {
                return new JobDefinition(Map.of(), Map.of());
            }

            public List<Map<String, Object>> split(JobDefinition job) {
                return List.of(Map.of());
            }

            public Map<String, Object> compute(Map<String, Object> task) {
                return Map.of();
            }

            public Map<String, Object> emptyResult() {
                return Map.of();
            }

            public Map<String, Object> combine(Map<String, Object> a, Map<String, Object> b) {
                return a;
            }
        };

        assertThat(type.inputSchema()).isEmpty();
    }

    @Test
    void inconsistentFieldsAreRefusedWhenBuilt() {
        assertThatThrownBy(() -> InputField.integer("n", "N", "A number.").withRange(5, 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InputField.integer("n", "N", "A number.").withRange(1, 4).withDefault(5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InputField.choice("c", "C", "A choice.", List.of("a")).withDefault("b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InputField.choice("c", "C", "A choice.", List.of("a", "a")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InputField.string("s", "S", "Text.").withMaxLength(2).withDefault("abc"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InputField.stringList("l", "L", "Lines.").withItems(3, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InputField.integer("n", " ", "A number."))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoFieldsOfOneNameAreRefused() {
        InputSchema.Builder builder = InputSchema.builder("Twice", "Has a field twice.")
                .option(InputField.bool("b", "B", "One."))
                .option(InputField.bool("b", "B", "Two."));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'b'");
    }

    @Test
    void theRenderedSchemaCannotBeChanged() {
        assertThatThrownBy(() -> SCHEMA.inputJsonSchema().put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
