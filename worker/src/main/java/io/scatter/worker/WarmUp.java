package io.scatter.worker;

import io.cloudevents.CloudEvent;
import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.core.jobtype.JobType;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.messaging.AmqpMessage;
import io.scatter.messaging.CloudEventAmqpCodec;
import io.scatter.messaging.MalformedMessageException;
import io.scatter.messaging.ScatterEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Computes a tiny task of each built-in job type, its task and result messages through the codec, on a background
 * thread while the worker connects to its broker, so that one-time initialisation (the sieve's pre-sieve patterns, the
 * JSON mapper's serialisers: a few hundred milliseconds of cold code) overlaps the connection instead of delaying the
 * first task.
 */
final class WarmUp {

    /** A tiny input of each built-in type; plug-in types are not warmed up. */
    static final Map<String, Map<String, Object>> SAMPLES = Map.of(
            "prime-count", Map.of("from", 0, "to", 1000),
            "pi-estimate", Map.of("samples", 1000),
            "expression", Map.of("expression", "sqrt(2) * (1 + 2) / 3 - max(1, 2)"));

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    private WarmUp() {
    }

    /** Starts the warm-up on a daemon thread of low priority and returns it. */
    static Thread start(JobTypes jobTypes) {
        Thread thread = new Thread(() -> run(jobTypes), "warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return thread;
    }

    /** Computes the samples of the built-in types among {@code jobTypes}; true when all succeeded. */
    static boolean run(JobTypes jobTypes) {
        boolean ok = true;
        for (String name : jobTypes.names()) {
            Map<String, Object> input = SAMPLES.get(name);
            if (input != null) {
                ok &= compute(jobTypes.get(name), input);
            }
        }
        return ok;
    }

    private static boolean compute(JobType type, Map<String, Object> input) {
        try {
            TaskMessage task = firstTask(type, input);
            Instant started = Instant.now();
            Map<String, Object> result = type.compute(task.payload());
            throughCodec(TaskResultMessage.succeeded(task, result, "warm-up", 1, started, Instant.now()),
                    TaskResultMessage.class);
            return true;
        } catch (MalformedMessageException | RuntimeException e) {
            log.debug("Warm-up of {} failed: {}", type.name(), e.toString());
            return false;
        }
    }

    /** The first task of a job of {@code type} on {@code input}, as a worker would receive it. */
    static TaskMessage firstTask(JobType type, Map<String, Object> input) throws MalformedMessageException {
        List<Map<String, Object>> payloads = type.split(type.define(input, Map.of()));
        return throughCodec(new TaskMessage(UUID.randomUUID(), 0, payloads.size(), type.name(), payloads.get(0)),
                TaskMessage.class);
    }

    /** The message as the broker would carry it to the other side: a CloudEvent in an AMQP message, and back. */
    static <T> T throughCodec(T message, Class<T> contract) throws MalformedMessageException {
        CloudEvent event = ScatterEvents.event(ScatterEvents.newId(), "/scatter/worker", "warm-up", Instant.now(),
                message);
        AmqpMessage amqp = CloudEventAmqpCodec.encode(event);
        return ScatterEvents.data(CloudEventAmqpCodec.decode(amqp.properties(), amqp.body()), contract);
    }
}
