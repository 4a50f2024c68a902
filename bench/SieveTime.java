import io.scatter.core.prime.PrimeKernel;
import io.scatter.core.prime.SegmentedSieveKernel;
import io.scatter.core.prime.WheelSieveKernel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Times a prime-count kernel in-process on one thread: warm-up runs, then timed runs, printing each run's wall-clock
 * and CPU time and the best of each; CPU time is the fairer figure on a machine busy with other work.
 * Usage: java -cp core/target/classes bench/SieveTime.java FROM TO [RUNS] [wheel|odd] [SEGMENT_BYTES]
 */
public final class SieveTime {

    public static void main(String[] args) {
        long from = parse(args[0]);
        long to = parse(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String kind = args.length > 3 ? args[3] : "wheel";
        PrimeKernel kernel = kernel(kind, args.length > 4 ? Integer.parseInt(args[4]) : 0);
        long warmTo = Math.min(to, from + 1_000_000_000L);
        for (int i = 0; i < 2; i++) {
            kernel.countPrimes(from, warmTo);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double bestWall = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        long count = -1;
        for (int i = 0; i < runs; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            count = kernel.countPrimes(from, to);
            double wall = (System.nanoTime() - start) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            bestWall = Math.min(bestWall, wall);
            bestCpu = Math.min(bestCpu, cpu);
            System.out.printf("run %d: wall %.3f s, cpu %.3f s%n", i + 1, wall, cpu);
        }
        System.out.printf("%s [%d, %d]: %d primes, best of %d: wall %.3f s, cpu %.3f s%n",
                kernel, from, to, count, runs, bestWall, bestCpu);
    }

    private static PrimeKernel kernel(String kind, int segmentBytes) {
        if (kind.equals("odd")) {
            return new SegmentedSieveKernel();
        }
        return segmentBytes > 0 ? new WheelSieveKernel(segmentBytes) : new WheelSieveKernel();
    }

    /** Parses 10000000000, 1e10 or 1e12+1e10. */
    private static long parse(String text) {
        long sum = 0;
        for (String term : text.split("\\+")) {
            sum += term.contains("e") ? (long) Double.parseDouble(term) : Long.parseLong(term);
        }
        return sum;
    }
}
