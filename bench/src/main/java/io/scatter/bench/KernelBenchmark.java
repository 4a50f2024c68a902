package io.scatter.bench;

import io.scatter.core.prime.Algorithm;
import io.scatter.core.prime.PrimeKernel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/**
 * Times one algorithm's kernel through the public {@link Algorithm} API only, so a rewrite of its classes does not
 * break the benchmark; subclasses name the algorithm and the ranges.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public abstract class KernelBenchmark {

    private PrimeKernel kernel;
    private long from;
    private long to;

    /** The algorithm timed. */
    protected abstract Algorithm algorithm();

    /** The range of this run, as {@code FROM:TO}. */
    protected abstract String range();

    @Setup
    public void setUp() {
        kernel = algorithm().kernel();
        String[] bounds = range().split(":");
        from = Long.parseLong(bounds[0]);
        to = Long.parseLong(bounds[1]);
    }

    @Benchmark
    public long countPrimes() {
        return kernel.countPrimes(from, to);
    }
}
