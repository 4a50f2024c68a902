package io.scatter.api.results;

import io.scatter.engine.result.Aggregation;
import io.scatter.engine.result.ResultMessage;

import java.time.Duration;
import java.util.List;

/** Told about each batch of results the inbox applied, once it committed, for metrics; must not throw, and be quick. */
public interface AppliedResultsListener {

    /**
     * The inbox applied {@code results} in one transaction that took {@code took}; {@code aggregations} says what each
     * did, by position (only an {@link io.scatter.engine.result.ResultOutcome#APPLIED} one counted: the others were
     * duplicates or dropped).
     */
    void applied(List<ResultMessage> results, List<Aggregation> aggregations, Duration took);
}
