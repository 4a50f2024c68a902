package io.scatter.bench;

import io.scatter.core.prime.Algorithm;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The trial-division kernel on the ranges the C reference runs: to 10^6, to 10^7, 10^4 integers past 10^12. */
@State(Scope.Benchmark)
public class TrialDivisionBenchmark extends KernelBenchmark {

    @Param({"0:1000000", "0:10000000", "1000000000000:1000000010000"})
    public String range;

    @Override
    protected Algorithm algorithm() {
        return Algorithm.TRIAL_DIVISION;
    }

    @Override
    protected String range() {
        return range;
    }
}
