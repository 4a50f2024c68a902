package io.scatter.core.prime;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The sieve's memory per task, checked in a child JVM with the small heap a worker on a Raspberry Pi would have. */
class SieveMemoryTest {

    static final int TASKS = 4;
    static final long TOP = 1_000_000_000_000_000L;
    static final long TASK_WIDTH = 250_000_000L;
    static final String HEAP = "-Xmx" + 32 * TASKS + "m";

    @Test
    void fourTasksAtTheTopOfTheRangeRunAtOnceInThirtyTwoMebibytesOfHeapEach() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, HEAP, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                FourTasksAtOnce.class.getName()).redirectErrorStream(true).start();
        boolean ended = child.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            child.destroyForcibly().waitFor();
        }
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(ended).as("the child JVM ended").isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).isEqualTo(Long.toString(new WheelSieveKernel().countPrimes(TOP - TASKS * TASK_WIDTH + 1,
                TOP)));
    }

    /** Counts the primes of four adjacent tasks below 10^15 on four threads and prints their sum. */
    static final class FourTasksAtOnce {

        public static void main(String[] args) throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(TASKS);
            try {
                List<Future<Long>> counts = new ArrayList<>();
                for (int i = 0; i < TASKS; i++) {
                    long to = TOP - i * TASK_WIDTH;
                    counts.add(threads.submit(() -> new WheelSieveKernel().countPrimes(to - TASK_WIDTH + 1, to)));
                }
                long total = 0;
                for (Future<Long> count : counts) {
                    total += count.get();
                }
                System.out.println(total);
            } finally {
                threads.shutdownNow();
            }
        }

        private FourTasksAtOnce() {
        }
    }
}
