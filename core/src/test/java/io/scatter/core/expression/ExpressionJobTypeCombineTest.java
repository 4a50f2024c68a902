package io.scatter.core.expression;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ExpressionJobTypeCombineTest {

    private static final ExpressionJobType TYPE = new ExpressionJobType();
    private static final List<?> OUTCOMES = (List<?>) TYPE.compute(Map.of("offset", 0, "expressions",
            IntStream.range(0, 30).mapToObj(i -> i % 4 == 3 ? i + " % 0" : i + " / 7").toList())).get("results");

    @Property(tries = 300)
    void combineIsCommutative(@ForAll("chunkResults") Map<String, Object> a,
                              @ForAll("chunkResults") Map<String, Object> b) {
        assertThat(TYPE.combine(a, b)).isEqualTo(TYPE.combine(b, a));
    }

    @Property(tries = 300)
    void combineIsAssociative(@ForAll("chunkResults") Map<String, Object> a,
                              @ForAll("chunkResults") Map<String, Object> b,
                              @ForAll("chunkResults") Map<String, Object> c) {
        assertThat(TYPE.combine(TYPE.combine(a, b), c)).isEqualTo(TYPE.combine(a, TYPE.combine(b, c)));
    }

    @Property(tries = 100)
    void theEmptyResultIsTheIdentityAndAResultTwiceIsItOnce(@ForAll("chunkResults") Map<String, Object> a) {
        assertThat(TYPE.combine(TYPE.emptyResult(), a)).isEqualTo(a);
        assertThat(TYPE.combine(a, TYPE.emptyResult())).isEqualTo(a);
        assertThat(TYPE.combine(a, a)).isEqualTo(a);
    }

    @Property(tries = 200)
    void foldingChunkResultsInAnyOrderWithRedeliveriesGivesTheirUnionSortedByIndex(
            @ForAll("chunkResultLists") List<Map<String, Object>> results, @ForAll long shuffleSeed) {
        List<Map<String, Object>> delivered = new ArrayList<>(results);
        delivered.addAll(results.subList(0, results.size() / 2));
        Collections.shuffle(delivered, new Random(shuffleSeed));

        Map<String, Object> combined = TYPE.emptyResult();
        for (Map<String, Object> result : delivered) {
            combined = TYPE.combine(combined, result);
        }

        Set<Integer> indexes = new TreeSet<>();
        results.forEach(result -> indexes.addAll(indexesOf(result)));
        List<Object> expected = indexes.stream().<Object>map(OUTCOMES::get).toList();
        assertThat(combined).isEqualTo(expected.isEmpty() ? Map.of() : Map.of("results", expected));
    }

    @Provide
    Arbitrary<Map<String, Object>> chunkResults() {
        return Arbitraries.integers().between(0, OUTCOMES.size() - 1).set().ofMaxSize(12).map(indexes -> {
            List<Object> outcomes = new TreeSet<>(indexes).stream().<Object>map(OUTCOMES::get).toList();
            return outcomes.isEmpty() ? TYPE.emptyResult() : Map.of("results", outcomes);
        });
    }

    @Provide
    Arbitrary<List<Map<String, Object>>> chunkResultLists() {
        return chunkResults().list().ofMinSize(1).ofMaxSize(8);
    }

    private static List<Integer> indexesOf(Map<String, Object> result) {
        List<?> outcomes = (List<?>) result.getOrDefault("results", List.of());
        return outcomes.stream().map(outcome -> (Integer) ((Map<?, ?>) outcome).get("index")).toList();
    }
}
