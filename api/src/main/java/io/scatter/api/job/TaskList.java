package io.scatter.api.job;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * One page of a job's tasks, by index.
 *
 * @param jobId      the job's id
 * @param tasks      the tasks on this page
 * @param nextCursor pass as {@code cursor} to get the next page; null on the last page
 */
@Schema(description = "A job's tasks in index order")
record TaskList(UUID jobId, List<TaskDocument> tasks, String nextCursor) {
}
