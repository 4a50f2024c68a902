package io.scatter.api.workers;

import java.util.List;

/**
 * The workers this API has heard from, by name.
 *
 * @param items the workers
 */
record WorkerList(List<WorkerDocument> items) {
}
