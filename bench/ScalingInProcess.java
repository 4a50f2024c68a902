import io.scatter.core.jobtype.Capacity;
import io.scatter.core.jobtype.JobDefinition;
import io.scatter.core.prime.Algorithm;
import io.scatter.core.prime.PrimeCountJobType;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The in-process side of bench/scaling.sh: the prime-count job a cluster of SLOTS would get (same JobType, same
 * define with that Capacity, same split), timed in one JVM. Prints key=value lines:
 * <ul>
 *   <li>{@code tasks}: the task count the scheduler chooses for SLOTS live slots;</li>
 *   <li>{@code kernel_1t}: the kernel over the whole range in one call on one thread (the baseline);</li>
 *   <li>{@code tasks_1t}: the job's tasks computed one after another on one thread;</li>
 *   <li>{@code tasks_Nt}: the job's tasks on a pool of SLOTS threads (the in-process upper bound for SLOTS cores);</li>
 *   <li>{@code task_ms_*}: the slowest and fastest task in thread CPU time and their ratio (how even the split's cost is).</li>
 * </ul>
 * Each time is {@code median min max} in seconds over RUNS runs, after one warm-up of each.
 * Usage: {@code java -cp core/target/classes bench/ScalingInProcess.java ALGORITHM FROM TO SLOTS RUNS}
 */
public final class ScalingInProcess {

    private ScalingInProcess() {
    }

    public static void main(String[] args) throws Exception {
        String algorithm = args[0];
        long from = Long.parseLong(args[1]);
        long to = Long.parseLong(args[2]);
        int slots = Integer.parseInt(args[3]);
        int runs = Integer.parseInt(args[4]);
        PrimeCountJobType type = new PrimeCountJobType();
        JobDefinition job = type.define(Map.of("from", from, "to", to), Map.of("algorithm", algorithm),
                new Capacity(slots));
        List<Map<String, Object>> tasks = type.split(job);
        System.out.println("tasks=" + tasks.size());
        long expected = Algorithm.fromWireName(algorithm).kernel().countPrimes(from, to);
        System.out.println("count=" + expected);

        double[] whole = new double[runs];
        double[] serial = new double[runs];
        double[] parallel = new double[runs];
        double[] taskSeconds = new double[tasks.size()];
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(slots);
        try {
            for (int run = -1; run < runs; run++) {
                long start = System.nanoTime();
                check(expected, Algorithm.fromWireName(algorithm).kernel().countPrimes(from, to));
                double kernel = seconds(start);
                start = System.nanoTime();
                long sum = 0;
                for (int i = 0; i < tasks.size(); i++) {
                    long taskStart = cpu.getCurrentThreadCpuTime();
                    sum += ((Number) type.compute(tasks.get(i)).get("count")).longValue();
                    taskSeconds[i] = (cpu.getCurrentThreadCpuTime() - taskStart) / 1e9;
                }
                check(expected, sum);
                double oneThread = seconds(start);
                start = System.nanoTime();
                List<Future<Map<String, Object>>> futures = new ArrayList<>();
                for (Map<String, Object> task : tasks) {
                    futures.add(pool.submit(() -> type.compute(task)));
                }
                sum = 0;
                for (Future<Map<String, Object>> future : futures) {
                    sum += ((Number) future.get().get("count")).longValue();
                }
                check(expected, sum);
                double threads = seconds(start);
                if (run >= 0) {
                    whole[run] = kernel;
                    serial[run] = oneThread;
                    parallel[run] = threads;
                }
            }
        } finally {
            pool.shutdown();
        }
        System.out.println("kernel_1t=" + stats(whole));
        System.out.println("tasks_1t=" + stats(serial));
        System.out.println("tasks_" + slots + "t=" + stats(parallel));
        double slowest = Arrays.stream(taskSeconds).max().orElse(0);
        int third = taskSeconds.length / 3;
        if (third > 0) {
            double first = Arrays.stream(taskSeconds, 0, third).sum() / third;
            double last = Arrays.stream(taskSeconds, taskSeconds.length - third, taskSeconds.length).sum() / third;
            System.out.printf("task_ms_first_third=%.2f%ntask_ms_last_third=%.2f%n", first * 1000, last * 1000);
        }
        double fastest = Arrays.stream(taskSeconds).min().orElse(0);
        System.out.printf("task_ms_slowest=%.2f%ntask_ms_fastest=%.2f%ntask_slowest_over_fastest=%.2f%n",
                slowest * 1000, fastest * 1000, fastest > 0 ? slowest / fastest : 0);
    }

    private static void check(long expected, long actual) {
        if (expected != actual) {
            throw new IllegalStateException("count " + actual + ", expected " + expected);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String stats(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format("%.4f %.4f %.4f", sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
    }
}
