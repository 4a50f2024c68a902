package io.scatter.api.job;

import java.util.List;

/**
 * One page of the job list, newest first.
 *
 * @param items      the jobs on this page
 * @param nextCursor pass as {@code cursor} to get the next page; null on the last page
 */
record JobPage(List<JobDocument> items, String nextCursor) {
}
