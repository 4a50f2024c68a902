package io.scatter.api.jobtype;

import java.util.List;

/**
 * Every job type this API accepts, by name.
 *
 * @param items the job types
 */
record JobTypeList(List<JobTypeDocument> items) {
}
