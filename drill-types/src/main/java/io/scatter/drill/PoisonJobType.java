package io.scatter.drill;

import io.scatter.core.jobtype.Inputs;
import io.scatter.core.jobtype.JobDefinition;
import io.scatter.core.jobtype.JobType;
import io.scatter.core.jobtype.TaskInterruptedException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A job type for drills, {@code poison}: {@code {"tasks": n, "poisoned": k, "how": "throw"}} makes n tasks that each
 * count 1, except task k, which on every attempt throws ({@code throw}), halts its worker's JVM at once as the kernel's
 * OOM killer would ({@code halt}), or spins until interrupted, outrunning its {@link #DEADLINE} ({@code hang}).
 */
public final class PoisonJobType implements JobType {

    public static final String NAME = "poison";
    /** A poisoned {@code hang} task outruns this; the others take microseconds. */
    public static final Duration DEADLINE = Duration.ofSeconds(3);
    /** The exit status of a JVM halted by a {@code halt} task: that of a process killed by SIGKILL. */
    public static final int HALT_STATUS = 137;

    private static final List<String> HOWS = List.of("throw", "halt", "hang");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JobDefinition define(Map<String, Object> input, Map<String, Object> options) {
        Inputs.rejectUnknownKeys(input, "input", List.of("tasks", "poisoned", "how"));
        long tasks = Inputs.requireLong(input, "input.tasks", 1, 1000);
        long poisoned = Inputs.requireLong(input, "input.poisoned", 0, tasks - 1);
        String how = Inputs.optionalChoice(input, "input.how", HOWS, "throw");
        return new JobDefinition(Map.of("tasks", tasks, "poisoned", poisoned, "how", how), Map.of());
    }

    @Override
    public List<Map<String, Object>> split(JobDefinition job) {
        long tasks = ((Number) job.input().get("tasks")).longValue();
        long poisoned = ((Number) job.input().get("poisoned")).longValue();
        List<Map<String, Object>> payloads = new ArrayList<>();
        for (long i = 0; i < tasks; i++) {
            payloads.add(i == poisoned ? Map.of("index", i, "how", job.input().get("how")) : Map.of("index", i));
        }
        return payloads;
    }

    @Override
    public Map<String, Object> compute(Map<String, Object> task) {
        Object how = task.get("how");
        if ("throw".equals(how)) {
            throw new IllegalStateException("poison task " + task.get("index") + " always throws");
        }
        if ("halt".equals(how)) {
            Runtime.getRuntime().halt(HALT_STATUS);
        }
        if ("hang".equals(how)) {
            while (true) {
                TaskInterruptedException.check();
                Thread.onSpinWait();
            }
        }
        return Map.of("count", 1L);
    }

    @Override
    public Duration taskDeadline() {
        return DEADLINE;
    }

    @Override
    public Map<String, Object> emptyResult() {
        return Map.of("count", 0L);
    }

    @Override
    public Map<String, Object> combine(Map<String, Object> a, Map<String, Object> b) {
        return Map.of("count", ((Number) a.get("count")).longValue() + ((Number) b.get("count")).longValue());
    }
}
