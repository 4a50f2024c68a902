package io.scatter.messaging.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;

/** The span attributes that say which job, task and worker a span is about. */
public final class ScatterAttributes {

    public static final AttributeKey<String> JOB_ID = AttributeKey.stringKey("scatter.job.id");
    public static final AttributeKey<String> JOB_TYPE = AttributeKey.stringKey("scatter.job.type");
    public static final AttributeKey<Long> TASK_INDEX = AttributeKey.longKey("scatter.task.index");
    public static final AttributeKey<Long> TASK_COUNT = AttributeKey.longKey("scatter.task.count");
    public static final AttributeKey<String> TASK_FROM = AttributeKey.stringKey("scatter.task.from");
    public static final AttributeKey<String> TASK_TO = AttributeKey.stringKey("scatter.task.to");
    public static final AttributeKey<Long> TASK_ATTEMPT = AttributeKey.longKey("scatter.task.attempt");
    public static final AttributeKey<String> WORKER = AttributeKey.stringKey("scatter.worker");
    public static final AttributeKey<String> SETTLEMENT = AttributeKey.stringKey("scatter.task.settlement");
    public static final AttributeKey<String> RESULT_OUTCOME = AttributeKey.stringKey("scatter.result.outcome");
    public static final AttributeKey<Boolean> RESULT_DUPLICATE = AttributeKey.booleanKey("scatter.result.duplicate");

    private ScatterAttributes() {
    }

    /** The job, type, index and count of {@code task}, and its range when its payload has {@code from} and {@code to}. */
    public static Attributes of(TaskMessage task) {
        AttributesBuilder attributes = Attributes.builder()
                .put(JOB_ID, task.jobId().toString())
                .put(JOB_TYPE, task.jobType())
                .put(TASK_INDEX, task.taskIndex())
                .put(TASK_COUNT, task.taskCount());
        Object from = task.payload() == null ? null : task.payload().get("from");
        Object to = task.payload() == null ? null : task.payload().get("to");
        if (from != null && to != null) {
            attributes.put(TASK_FROM, from.toString()).put(TASK_TO, to.toString());
        }
        return attributes.build();
    }

    /** The job, type, index and worker of {@code result}. */
    public static Attributes of(TaskResultMessage result) {
        return Attributes.builder()
                .put(JOB_ID, result.jobId().toString())
                .put(JOB_TYPE, result.jobType())
                .put(TASK_INDEX, result.taskIndex())
                .put(WORKER, result.worker())
                .build();
    }
}
