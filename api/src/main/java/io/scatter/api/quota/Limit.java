package io.scatter.api.quota;

/** The limits a request or job can hit, named as in the {@code limit} member of a problem and the rejection counter. */
public enum Limit {

    REQUESTS_PER_SECOND("requests-per-second"),
    JOBS_IN_FLIGHT("jobs-in-flight"),
    TASKS_PER_JOB("tasks-per-job"),
    RANGE_WIDTH("range-width");

    private final String label;

    Limit(String label) {
        this.label = label;
    }

    /** The limit's name, e.g. {@code requests-per-second}; also its property under {@code scatter.quota.}. */
    public String label() {
        return label;
    }
}
