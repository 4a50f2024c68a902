package io.scatter.bench;

import io.scatter.core.prime.Algorithm;
import io.scatter.core.prime.PrimeKernel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Times the trial-division kernel, through the public {@link Algorithm} API, on the ranges the C reference runs. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrialDivisionBenchmark {

    /** A range as {@code FROM:TO}: up to 10^6, up to 10^7, and 10^4 integers past 10^12 where long division runs. */
    @Param({"0:1000000", "0:10000000", "1000000000000:1000000010000"})
    public String range;

    private PrimeKernel kernel;
    private long from;
    private long to;

    @Setup
    public void setUp() {
        kernel = Algorithm.TRIAL_DIVISION.kernel();
        String[] bounds = range.split(":");
        from = Long.parseLong(bounds[0]);
        to = Long.parseLong(bounds[1]);
    }

    @Benchmark
    public long countPrimes() {
        return kernel.countPrimes(from, to);
    }
}
