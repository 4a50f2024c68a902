package io.scatter.api.dalc;

import io.scatter.api.job.JobDocument;
import io.scatter.core.job.JobStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.annotation.JsonSerialize;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A dalc task as dalc clients see it: the view of an {@code expression} job under its integer id.
 *
 * @param id           the task's integer id, as answered by {@code POST /tasks}
 * @param expression   the expression, as the job stores it
 * @param status       SCHEDULED, COMPLETED or FAILED
 * @param result       the exact value once COMPLETED, else null; a JSON number in plain notation
 * @param errorMessage why the task failed once FAILED, else null
 */
@Schema(description = "A dalc task", example = "{\"id\":1,\"expression\":\"1 + 1\",\"status\":\"COMPLETED\","
        + "\"result\":2,\"errorMessage\":null}")
record DalcTask(long id, String expression, DalcStatus status,
                @JsonSerialize(using = PlainDecimalSerializer.class) BigDecimal result, String errorMessage) {

    static final String EXPRESSION = "expression";
    static final String VALUE = "value";
    private static final String CANCELLED = "the task was cancelled";

    /** The dalc view of {@code job}, an {@code expression} job, as task {@code id}. */
    static DalcTask of(long id, JobDocument job) {
        DalcStatus status = DalcStatus.of(job.status());
        Object expression = job.input() == null ? null : job.input().get(EXPRESSION);
        BigDecimal result = status == DalcStatus.COMPLETED ? value(job) : null;
        String error = status == DalcStatus.FAILED ? errorMessage(job) : null;
        return new DalcTask(id, expression == null ? null : expression.toString(), status, result, error);
    }

    /** The job's error; a cancelled job, which has none, says so. */
    private static String errorMessage(JobDocument job) {
        if (job.error() != null) {
            return job.error();
        }
        return job.status() == JobStatus.CANCELLED ? CANCELLED : "the task failed";
    }

    /** The exact decimal in the job's {@code {"value": "2.25"}} result. */
    private static BigDecimal value(JobDocument job) {
        Map<String, Object> result = job.result();
        Object value = result == null ? null : result.get(VALUE);
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof String || value instanceof Number) {
            try {
                return new BigDecimal(value.toString().trim());
            } catch (NumberFormatException e) {
                // answered below
            }
        }
        throw new IllegalStateException("expression job " + job.id() + " succeeded without a decimal value: " + result);
    }
}
