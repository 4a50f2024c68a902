package io.scatter.api.deadletter;

import io.scatter.api.job.JobDocument;

import java.util.List;

/**
 * What a retry did.
 *
 * @param deadLetter    the retried dead letter, now RETRIED
 * @param job           its job as the retry left it: RUNNING again
 * @param requeuedTasks the indexes of the tasks put back on the queue: the dead letter's and those cancelled when it
 *                      failed the job
 */
record RetryDocument(DeadLetterDocument deadLetter, JobDocument job, List<Integer> requeuedTasks) {
}
