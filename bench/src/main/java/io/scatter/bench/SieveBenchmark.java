package io.scatter.bench;

import io.scatter.core.prime.Algorithm;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The sieve kernel up to 10^7, up to 10^9, and on 10^9 integers past 10^12. */
@State(Scope.Benchmark)
public class SieveBenchmark extends KernelBenchmark {

    @Param({"0:10000000", "0:1000000000", "1000000000000:1001000000000"})
    public String range;

    @Override
    protected Algorithm algorithm() {
        return Algorithm.SIEVE;
    }

    @Override
    protected String range() {
        return range;
    }
}
