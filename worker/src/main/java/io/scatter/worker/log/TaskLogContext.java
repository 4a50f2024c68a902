package io.scatter.worker.log;

import io.scatter.contracts.TaskMessage;
import io.scatter.engine.transport.TaskDelivery;
import io.scatter.engine.worker.TaskObserver;
import org.slf4j.MDC;

import java.util.function.Supplier;

/**
 * Puts the job id, task index and worker name of the task being handled into the log's MDC (as {@code job_id},
 * {@code task_index} and {@code worker}) for every line logged while handling and settling it.
 */
public final class TaskLogContext implements TaskObserver {

    static final String JOB_ID = "job_id";
    static final String TASK_INDEX = "task_index";
    static final String WORKER = "worker";

    private final String worker;

    public TaskLogContext(String worker) {
        this.worker = worker;
    }

    @Override
    public Observation taskReceived(TaskDelivery delivery) {
        TaskMessage task = delivery.task();
        String jobId = task == null ? null : String.valueOf(task.jobId());
        String taskIndex = task == null ? null : Integer.toString(task.taskIndex());
        return new Observation() {
            @Override
            public <T> T inContext(Supplier<T> work) {
                String outerJobId = MDC.get(JOB_ID);
                String outerTaskIndex = MDC.get(TASK_INDEX);
                String outerWorker = MDC.get(WORKER);
                put(JOB_ID, jobId);
                put(TASK_INDEX, taskIndex);
                put(WORKER, worker);
                try {
                    return work.get();
                } finally {
                    put(JOB_ID, outerJobId);
                    put(TASK_INDEX, outerTaskIndex);
                    put(WORKER, outerWorker);
                }
            }
        };
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
