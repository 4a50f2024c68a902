package io.scatter.pi;

import io.scatter.core.jobtype.JobDefinition;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class PiEstimateSplitTest {

    private final PiEstimateJobType type = new PiEstimateJobType();

    @Property(tries = 100)
    void theTasksSamplesDifferByAtMostOneAndSumExactlyToTheJobsSamples(
            @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long samples,
            @ForAll @IntRange(min = 1, max = 10_000) int tasks, @ForAll long seed) {
        Assume.that(tasks <= samples);

        List<Map<String, Object>> payloads = type.split(job(samples, tasks, seed));

        assertThat(payloads).hasSize(tasks);
        long sum = 0;
        long fewest = Long.MAX_VALUE;
        long most = 0;
        Set<Long> seeds = new HashSet<>();
        for (int index = 0; index < tasks; index++) {
            Map<String, Object> payload = payloads.get(index);
            assertThat(payload).containsOnlyKeys("index", "samples", "seed").containsEntry("index", index);
            long taskSamples = (Long) payload.get("samples");
            sum += taskSamples;
            fewest = Math.min(fewest, taskSamples);
            most = Math.max(most, taskSamples);
            seeds.add((Long) payload.get("seed"));
        }
        assertThat(sum).isEqualTo(samples);
        assertThat(fewest).isPositive();
        assertThat(most - fewest).isBetween(0L, 1L);
        assertThat(seeds).as("distinct task seeds").hasSize(tasks);
    }

    @Test
    void theSplitDependsOnSamplesTasksAndSeedAloneNotOnHowTheyWereWritten() {
        JobDefinition asLongs = job(1_000_003, 7, 99);
        JobDefinition asOtherNumbers = new JobDefinition(Map.of("samples", BigInteger.valueOf(1_000_003)),
                Map.of("tasks", 7.0, "seed", 99));

        assertThat(type.split(asOtherNumbers)).isEqualTo(type.split(asLongs)).isEqualTo(type.split(asLongs));
    }

    @Test
    void theDefaultSplitIsTheSameAsTheOneWithTheDefaultsSpelledOut() {
        JobDefinition defaults = new JobDefinition(Map.of("samples", 25_000_000L), Map.of());

        assertThat(type.split(defaults)).isEqualTo(type.split(job(25_000_000, 3, PiEstimateJobType.DEFAULT_SEED)));
    }

    @Test
    void anotherSeedGivesEveryTaskAnotherSeed() {
        List<Map<String, Object>> one = type.split(job(1000, 10, 1));
        List<Map<String, Object>> other = type.split(job(1000, 10, 2));

        for (int index = 0; index < 10; index++) {
            assertThat(one.get(index).get("seed")).isNotEqualTo(other.get(index).get("seed"));
        }
    }

    @Test
    void taskSeedsAreTheOutputsOfASplitMix64GeneratorSeededWithTheJobsSeed() {
        SplittableRandom splitMix64 = new SplittableRandom(PiEstimateJobType.DEFAULT_SEED);

        for (Map<String, Object> payload : type.split(job(100, 5, PiEstimateJobType.DEFAULT_SEED))) {
            assertThat(payload.get("seed")).isEqualTo(splitMix64.nextLong());
        }
        assertThat(TaskSeeds.of(0, 0)).isEqualTo(0xE220A8397B1DCDAFL);
    }

    private static JobDefinition job(long samples, int tasks, long seed) {
        return new JobDefinition(Map.of("samples", samples), Map.of("tasks", tasks, "seed", seed));
    }
}
