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

/** Times the sieve kernel through the public {@link Algorithm} API only, so a rewrite of its classes does not break it. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SieveBenchmark {

    /** A range as {@code FROM:TO}: up to 10^7, up to 10^9, and 10^9 integers past 10^12. */
    @Param({"0:10000000", "0:1000000000", "1000000000000:1001000000000"})
    public String range;

    private PrimeKernel kernel;
    private long from;
    private long to;

    @Setup
    public void setUp() {
        kernel = Algorithm.SIEVE.kernel();
        String[] bounds = range.split(":");
        from = Long.parseLong(bounds[0]);
        to = Long.parseLong(bounds[1]);
    }

    @Benchmark
    public long countPrimes() {
        return kernel.countPrimes(from, to);
    }
}
