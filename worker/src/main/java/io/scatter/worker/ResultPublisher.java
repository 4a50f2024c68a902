package io.scatter.worker;

import io.cloudevents.CloudEvent;
import io.scatter.contracts.Channels;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.ConfirmingPublisher;
import io.scatter.messaging.OutgoingMessage;
import io.scatter.messaging.PublishFailedException;
import io.scatter.messaging.ScatterEvents;

import java.time.Duration;

/** Publishes task results as CloudEvents and waits for the broker's confirm, with one publisher per thread. */
final class ResultPublisher {

    private final String source;
    private final Duration confirmTimeout;
    private final ThreadLocal<ConfirmingPublisher> publishers;

    ResultPublisher(BrokerConnection connection, String workerName, Duration confirmTimeout) {
        this.source = Channels.WORKER_SOURCE_PREFIX + workerName;
        this.confirmTimeout = confirmTimeout;
        this.publishers = ThreadLocal.withInitial(() -> new ConfirmingPublisher(connection));
    }

    /** Returns once the broker has the result safely; throws if it could not confirm it. */
    void publish(TaskResultMessage result) throws PublishFailedException {
        CloudEvent event = ScatterEvents.event(ScatterEvents.newId(), source, result.jobId().toString(),
                result.finishedAt(), result);
        publishers.get().publish(new OutgoingMessage(TaskResultMessage.EXCHANGE, TaskResultMessage.ROUTING_KEY, event),
                confirmTimeout);
    }
}
