package io.scatter.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of one {@link Drill}.
 *
 * @param name        the drill, e.g. {@code worker-sigkill}
 * @param seed        replays the drill's random moments with {@code -Dscatter.drill.seed=}
 * @param chaos       what the chaos did, e.g. {@code 5 kills}
 * @param redelivered task rows whose accepted result came from a second or later delivery: evidence that the chaos
 *                    struck tasks in flight
 * @param jobs        jobs submitted (and accepted)
 * @param correct     jobs SUCCEEDED with exactly the known answer
 * @param wrong       jobs SUCCEEDED with another answer
 * @param lost        jobs that did not end, or ended FAILED or CANCELLED, although they should have succeeded
 * @param duplicated  jobs with a task counted twice (an answer above the known one, or more tasks done than task
 *                    rows SUCCEEDED), plus job rows beyond those submitted
 * @param recovery    from the end of the chaos until the last job was seen to end (new jobs submitted after it
 *                    included)
 * @param problems    one line per job that was not correct, and any dead-lettered messages
 * @param logs        where the cluster's processes logged
 */
record DrillReport(String name, long seed, String chaos, int redelivered, int jobs, int correct, int wrong, int lost,
                   int duplicated, Duration recovery, List<String> problems, Path logs) {

    /** The one line the drill prints. */
    String line() {
        return String.format(Locale.ROOT,
                "drill %s (seed %d, %s, %d tasks redelivered): %d jobs, %d correct, %d wrong, %d lost, "
                        + "%d duplicated, recovered in %.1f s",
                name, seed, chaos, redelivered, jobs, correct, wrong, lost, duplicated, recovery.toMillis() / 1000.0);
    }

    /** Fails, listing the problems, unless every job came back with its exact answer, once. */
    void assertClean() {
        if (wrong != 0 || lost != 0 || duplicated != 0 || correct != jobs || !problems.isEmpty()) {
            throw new AssertionError(line() + "\n  " + String.join("\n  ", problems)
                    + "\n  replay with -Dscatter.drill.seed=" + seed + "; process logs in " + logs);
        }
    }
}
