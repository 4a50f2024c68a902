import io.scatter.core.prime.PrimeKernel;
import io.scatter.core.prime.SegmentedSieveKernel;
import io.scatter.core.prime.WheelSieveKernel;

/**
 * Times a prime-count kernel in-process on one thread: warm-up runs, then timed runs, printing each and the best.
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
        double best = Double.MAX_VALUE;
        long count = -1;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            count = kernel.countPrimes(from, to);
            double seconds = (System.nanoTime() - start) / 1e9;
            best = Math.min(best, seconds);
            System.out.printf("run %d: %.3f s%n", i + 1, seconds);
        }
        System.out.printf("%s [%d, %d]: %d primes, best of %d: %.3f s%n", kernel, from, to, count, runs, best);
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
