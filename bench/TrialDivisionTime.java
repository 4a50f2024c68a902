import io.scatter.core.prime.Algorithm;
import io.scatter.core.prime.PrimeKernel;

import java.util.Arrays;

/** Times the trial-division kernel in-process, warm-up first, printing the best and median of several runs per range. */
public final class TrialDivisionTime {

    private TrialDivisionTime() {
    }

    /** Usage: {@code java -cp core/target/classes bench/TrialDivisionTime.java RUNS FROM:TO...}. */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: TrialDivisionTime RUNS FROM:TO...");
            System.exit(2);
        }
        int runs = Integer.parseInt(args[0]);
        PrimeKernel kernel = Algorithm.TRIAL_DIVISION.kernel();
        warmUp(kernel);
        for (int i = 1; i < args.length; i++) {
            String[] bounds = args[i].split(":");
            time(kernel, Long.parseLong(bounds[0]), Long.parseLong(bounds[1]), runs);
        }
    }

    /** Runs the kernel for about two seconds on small ranges so the JIT compiles both of its loops. */
    private static void warmUp(PrimeKernel kernel) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        long sink = 0;
        while (System.nanoTime() < deadline) {
            sink += kernel.countPrimes(0, 300_000);
            sink += kernel.countPrimes(1_000_000_000_000L, 1_000_000_000_200L);
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    private static void time(PrimeKernel kernel, long from, long to, int runs) {
        double[] seconds = new double[runs];
        long count = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            count = kernel.countPrimes(from, to);
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        System.out.printf("java [%d, %d] count=%d best=%.4f s median=%.4f s runs=%d%n",
                from, to, count, seconds[0], seconds[runs / 2], runs);
    }
}
