package io.scatter.api.results;

import io.scatter.api.log.JobLogContext;
import io.scatter.api.outbox.Outbox;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.engine.result.Aggregation;
import io.scatter.engine.result.ResultAggregator;
import io.scatter.engine.result.ResultMessage;
import io.scatter.engine.result.ResultOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Applies results with the engine's {@link ResultAggregator} and, for each job one of them failed, withdraws the job's
 * unsent tasks from the outbox and queues the cancel broadcast, all in one transaction (the job store joins it); then
 * tells the {@link AppliedResultsListener}s.
 */
@Component
class AggregatingResultHandler implements ResultHandler {

    private static final Logger log = LoggerFactory.getLogger(AggregatingResultHandler.class);

    private final ResultAggregator aggregator;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final List<AppliedResultsListener> listeners;

    AggregatingResultHandler(ResultAggregator aggregator, Outbox outbox, TransactionTemplate transactions,
                             List<AppliedResultsListener> listeners) {
        this.aggregator = aggregator;
        this.outbox = outbox;
        this.transactions = transactions;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void handle(String messageId, TaskResultMessage result) {
        handleAll(List.of(new ResultMessage(messageId, result)));
    }

    @Override
    public void handleAll(List<ResultMessage> results) {
        applyAll(results);
    }

    @Override
    public List<ResultOutcome> applyAll(List<ResultMessage> results) {
        long start = System.nanoTime();
        List<Aggregation> applied = transactions.execute(status -> {
            List<Aggregation> aggregations = aggregator.applyAll(results);
            Set<UUID> failed = new LinkedHashSet<>();
            aggregations.stream().filter(Aggregation::failedTheJob).forEach(each -> failed.add(each.job().id()));
            for (UUID jobId : failed) {
                outbox.discardUnsentTasks(jobId);
                outbox.enqueueJobCancelled(jobId);
            }
            return aggregations;
        });
        tell(results, applied, Duration.ofNanos(System.nanoTime() - start));
        Set<UUID> ended = new HashSet<>();
        for (int position = applied == null ? -1 : applied.size() - 1; position >= 0; position--) {
            Aggregation aggregation = applied.get(position);
            if (aggregation.endedTheJob() && ended.add(aggregation.job().id())) {
                try (JobLogContext context = JobLogContext.of(aggregation.job().id())) {
                    log.info("Job {} {} after task {}", aggregation.job().id(), aggregation.job().status(),
                            results.get(position).result().taskIndex());
                }
            }
        }
        return applied == null ? List.of() : applied.stream().map(Aggregation::outcome).toList();
    }

    private void tell(List<ResultMessage> results, List<Aggregation> applied, Duration took) {
        if (applied == null) {
            return;
        }
        for (AppliedResultsListener listener : listeners) {
            try {
                listener.applied(results, applied, took);
            } catch (RuntimeException e) {
                log.warn("{} failed on {} applied results: {}", listener.getClass().getSimpleName(), results.size(),
                        e.toString());
            }
        }
    }
}
