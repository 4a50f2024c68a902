package io.scatter.api.jobtype;

import io.scatter.core.jobtype.InputSchema;
import io.scatter.core.jobtype.JobType;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;
import java.util.Optional;

/**
 * A job type as a client sees it, for a submit form: its name and, when the type describes itself, a title, one
 * sentence and the JSON Schemas (draft 2020-12) of its {@code input} and {@code options}.
 *
 * @param name        what a job's {@code type} says, e.g. {@code prime-count}
 * @param title       a short name for people, or null when the type does not describe itself
 * @param description one sentence on what the type computes, or null
 * @param input       the JSON Schema of the job's {@code input}, or null
 * @param options     the JSON Schema of the job's {@code options}, or null
 */
@Schema(description = "A registered job type and the JSON Schemas of its input and options")
record JobTypeDocument(String name, String title, String description,
                       @Schema(description = "JSON Schema of input; null when the type does not describe itself")
                       Map<String, Object> input,
                       @Schema(description = "JSON Schema of options; null when the type does not describe itself")
                       Map<String, Object> options) {

    static JobTypeDocument of(JobType type) {
        Optional<InputSchema> described = type.inputSchema();
        if (described.isEmpty()) {
            return new JobTypeDocument(type.name(), null, null, null, null);
        }
        InputSchema schema = described.get();
        return new JobTypeDocument(type.name(), schema.title(), schema.description(), schema.inputJsonSchema(),
                schema.optionsJsonSchema());
    }
}
