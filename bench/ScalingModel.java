import io.scatter.core.jobtype.Capacity;
import io.scatter.core.jobtype.JobDefinition;
import io.scatter.core.prime.Algorithm;
import io.scatter.core.prime.PrimeCountJobType;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Predicts a prime-count job's wall time and parallel efficiency on W cores from the cost model, the scheduler's task
 * count for W slots and a per-core speed factor, for the scaling table of docs/performance.md.
 *
 * <p>It first times each kernel here (thread CPU time, best of 5 after a warm-up) to get seconds per cost unit, then
 * for each job and W: tasks = PrimeCountJobType.define(..., new Capacity(W)), split as the API splits them; each task
 * takes factor * secondsPerUnit * cost + taskOverhead; W slots take the tasks in order, each the next one when free
 * (the broker's queue); the job's wall time is the last slot's finish + jobOverhead (POST -> SUCCEEDED of a one-task
 * job). The baseline T1 is factor * secondsPerUnit * cost(whole range): the kernel in one process, one thread.
 *
 * <p>The speed factor of a Raspberry Pi core against this machine is calibrated from the seed story (28.1 s on one Pi
 * core for trial division up to 1,440,001) against our trial-division kernel over the same range here; that program
 * need not be the same algorithm, so the factor bounds the Pi's slowness and the time of its program, not of ours.
 * {@code --pi-factor F} adds rows for a factor of your choice.
 *
 * <p>Usage: {@code java -cp core/target/classes bench/ScalingModel.java [--task-overhead-ms 5] [--job-overhead-ms 15]
 * [--pi-factor F]}
 */
public final class ScalingModel {

    private static final double SEED_ONE_CORE_SECONDS = 28.1;
    private static final double SEED_EIGHT_CORES_SECONDS = 6.4;
    private static final long SEED_TO = 1_440_001;

    private ScalingModel() {
    }

    public static void main(String[] args) {
        double taskOverhead = 0.005;
        double jobOverhead = 0.015;
        double chosenFactor = 0;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--task-overhead-ms" -> taskOverhead = Double.parseDouble(args[i + 1]) / 1000;
                case "--job-overhead-ms" -> jobOverhead = Double.parseDouble(args[i + 1]) / 1000;
                case "--pi-factor" -> chosenFactor = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        double seedHere = cpuSeconds(Algorithm.TRIAL_DIVISION, 0, SEED_TO);
        double trialPerUnit = seedHere / Algorithm.TRIAL_DIVISION.costModel().cost(0, SEED_TO);
        double sievePerUnit = cpuSeconds(Algorithm.SIEVE, 0, 2_000_000_000L)
                / Algorithm.SIEVE.costModel().cost(0, 2_000_000_000L);
        double seedFactor = SEED_ONE_CORE_SECONDS / seedHere;
        System.out.printf("calibration here: trial division [0, %d] %.4f s CPU (%.3g s per division); sieve %.3g s per"
                + " unit (an integer near 0)%n", SEED_TO, seedHere, trialPerUnit, sievePerUnit);
        System.out.printf("seed story: %.1f s on one Pi core, %.1f s on 8 (efficiency %.2f); implied factor Pi core /"
                        + " this core for the seed job = %.1f / %.4f = %.0f (its program need not be our algorithm)%n",
                SEED_ONE_CORE_SECONDS, SEED_EIGHT_CORES_SECONDS, SEED_ONE_CORE_SECONDS / (8 * SEED_EIGHT_CORES_SECONDS),
                SEED_ONE_CORE_SECONDS, seedHere, seedFactor);
        System.out.printf("per-task overhead %.1f ms, per-job overhead %.1f ms (not scaled by the factor)%n%n",
                taskOverhead * 1000, jobOverhead * 1000);
        System.out.printf("%-30s %-24s %5s %6s %10s %10s %10s%n", "job", "cores", "W", "tasks", "T1 (s)", "T(W) (s)",
                "efficiency");
        List<Double> factors = new ArrayList<>(List.of(1.0, seedFactor));
        if (chosenFactor > 0) {
            factors.add(chosenFactor);
        }
        for (Object[] job : new Object[][] {{Algorithm.TRIAL_DIVISION, 0L, SEED_TO, trialPerUnit},
                {Algorithm.SIEVE, 0L, 10_000_000_000L, sievePerUnit}}) {
            Algorithm algorithm = (Algorithm) job[0];
            long from = (Long) job[1];
            long to = (Long) job[2];
            double perUnit = (Double) job[3];
            for (double factor : factors) {
                String cores = factor == 1.0 ? "this machine"
                        : String.format("Pi, factor %.0f%s", factor, factor == seedFactor ? " (seed)" : "");
                int[] widths = factor == 1.0 ? new int[] {1, 2} : new int[] {1, 8, 32};
                for (int w : widths) {
                    predict(algorithm, from, to, w, factor * perUnit, taskOverhead, jobOverhead, cores);
                }
            }
        }
    }

    private static void predict(Algorithm algorithm, long from, long to, int slots, double secondsPerUnit,
                                double taskOverhead, double jobOverhead, String cores) {
        PrimeCountJobType type = new PrimeCountJobType();
        JobDefinition job = type.define(Map.of("from", from, "to", to), Map.of("algorithm", algorithm.wireName()),
                new Capacity(slots));
        List<Map<String, Object>> tasks = type.split(job);
        PriorityQueue<Double> freeAt = new PriorityQueue<>();
        for (int i = 0; i < slots; i++) {
            freeAt.add(0.0);
        }
        double makespan = 0;
        for (Map<String, Object> task : tasks) {
            double cost = algorithm.costModel().cost((Long) task.get("from"), (Long) task.get("to"));
            double done = freeAt.poll() + secondsPerUnit * cost + taskOverhead;
            makespan = Math.max(makespan, done);
            freeAt.add(done);
        }
        double wall = makespan + jobOverhead;
        double one = secondsPerUnit * algorithm.costModel().cost(from, to);
        System.out.printf("%-30s %-24s %5d %6d %10.3f %10.3f %10.2f%n",
                algorithm.wireName() + " [" + from + ", " + to + "]", cores, slots, tasks.size(), one, wall,
                one / (slots * wall));
    }

    /** The kernel's best thread CPU time over [from, to] in 5 runs, after 3 warm-up runs. */
    private static double cpuSeconds(Algorithm algorithm, long from, long to) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 8; i++) {
            long start = threads.getCurrentThreadCpuTime();
            algorithm.kernel().countPrimes(from, to);
            double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
            if (i >= 3) {
                best = Math.min(best, seconds);
            }
        }
        return best;
    }
}
