package io.scatter.core.jobtype;

/**
 * How many tasks the cluster can compute at once right now — the summed concurrency of its live workers — for a job
 * type to size its tasks by: a job split into a multiple of {@link #slots()} tasks of equal cost keeps every worker
 * busy until all finish together, with no long tail.
 *
 * <pre>{@code
 * int tasks = capacity.fill(costModelTasks, maxTasks);   // 9 tasks on 8 slots become 16
 * }</pre>
 *
 * @param slots the tasks that can run at once; 0 when not known
 */
public record Capacity(int slots) {

    /** Nothing known about the cluster: types size tasks by cost alone. */
    public static final Capacity UNKNOWN = new Capacity(0);

    public Capacity {
        if (slots < 0) {
            throw new IllegalArgumentException("slots must not be negative, not " + slots);
        }
    }

    /**
     * {@code tasks} rounded up to a whole number of waves over the slots, at most {@code max}: as it is when the slots
     * are unknown or the job has fewer tasks than there are slots (they all run at once already).
     */
    public int fill(int tasks, int max) {
        if (slots == 0 || tasks <= slots || tasks % slots == 0) {
            return Math.min(tasks, max);
        }
        long waves = (tasks + (long) slots - 1) / slots;
        return (int) Math.min(waves * slots, max);
    }
}
