package io.scatter.api.deadletter;

import java.util.List;

/**
 * One page of the dead-letter list, newest first.
 *
 * @param items      the dead letters on this page
 * @param nextCursor pass as {@code cursor} to get the next page; null on the last page
 */
record DeadLetterPage(List<DeadLetterDocument> items, String nextCursor) {
}
