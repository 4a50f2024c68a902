import io.scatter.core.prime.Algorithm;
import io.scatter.core.prime.PrimeKernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Times the trial-division kernel in-process after a warm-up, optionally alternating runs with a C reference binary. */
public final class TrialDivisionTime {

    private static final Pattern C_OUTPUT = Pattern.compile("count=(\\d+) best=([0-9.]+) s");

    private TrialDivisionTime() {
    }

    /**
     * Usage: {@code java -cp core/target/classes bench/TrialDivisionTime.java [--c BINARY] RUNS FROM:TO...}; with
     * {@code --c}, each Java run is followed by one run of {@code BINARY FROM TO 1}, so both see the same machine load.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        int next = 0;
        String cBinary = null;
        if (args.length > 1 && args[0].equals("--c")) {
            cBinary = args[1];
            next = 2;
        }
        if (args.length < next + 2) {
            System.err.println("usage: TrialDivisionTime [--c BINARY] RUNS FROM:TO...");
            System.exit(2);
        }
        int runs = Integer.parseInt(args[next]);
        PrimeKernel kernel = Algorithm.TRIAL_DIVISION.kernel();
        warmUp(kernel);
        for (int i = next + 1; i < args.length; i++) {
            String[] bounds = args[i].split(":");
            time(kernel, Long.parseLong(bounds[0]), Long.parseLong(bounds[1]), runs, cBinary);
        }
    }

    /** Runs the kernel for about two seconds on small ranges so the JIT compiles both its int and long loops. */
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

    private static void time(PrimeKernel kernel, long from, long to, int runs, String cBinary)
            throws IOException, InterruptedException {
        double[] java = new double[runs];
        double[] c = new double[runs];
        double[] ratios = new double[runs];
        long count = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            count = kernel.countPrimes(from, to);
            java[i] = (System.nanoTime() - start) / 1e9;
            if (cBinary != null) {
                c[i] = runC(cBinary, from, to, count);
                ratios[i] = java[i] / c[i];
            }
        }
        Arrays.sort(java);
        System.out.printf("java [%d, %d] count=%d best=%.4f s median=%.4f s runs=%d%n",
                from, to, count, java[0], java[runs / 2], runs);
        if (cBinary != null) {
            Arrays.sort(c);
            Arrays.sort(ratios);
            System.out.printf("c    [%d, %d] count=%d best=%.4f s median=%.4f s runs=%d%n",
                    from, to, count, c[0], c[runs / 2], runs);
            System.out.printf("ratio [%d, %d] java/c best=%.2f median-of-paired=%.2f%n",
                    from, to, java[0] / c[0], ratios[runs / 2]);
        }
    }

    /** One timed run of the C reference, whose count must match the kernel's. */
    private static double runC(String binary, long from, long to, long expectedCount)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(binary, Long.toString(from), Long.toString(to), "1")
                .redirectErrorStream(true).start();
        String output;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            output = reader.readLine();
        }
        if (process.waitFor() != 0 || output == null) {
            throw new IllegalStateException("C reference failed: " + output);
        }
        Matcher matcher = C_OUTPUT.matcher(output);
        if (!matcher.find() || Long.parseLong(matcher.group(1)) != expectedCount) {
            throw new IllegalStateException("C reference disagrees with the kernel (" + expectedCount + "): " + output);
        }
        return Double.parseDouble(matcher.group(2));
    }
}
