package io.scatter.api.job;

import java.util.List;

/**
 * The data of a {@code tasks} event: the tasks of a job that left QUEUED (or changed) since the stream's previous one.
 *
 * @param tasks at most {@link #MAX_TASKS} tasks, by index
 */
record TaskEvent(List<TaskDocument> tasks) {

    static final int MAX_TASKS = 1000;
}
