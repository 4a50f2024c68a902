package io.scatter.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.CloudEventUtils;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.data.PojoCloudEventData;
import io.cloudevents.jackson.PojoCloudEventDataMapper;
import io.cloudevents.rw.CloudEventRWException;
import io.scatter.contracts.Channels;
import io.scatter.contracts.JobCancelledMessage;
import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.contracts.WorkerHeartbeatMessage;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/** Builds and reads the CloudEvents that carry Scatter's contract records as JSON data. */
public final class ScatterEvents {

    /** {@code datacontenttype} of every Scatter event. */
    public static final String JSON = "application/json";

    private static final Map<Class<?>, String> TYPES = Map.of(
            TaskMessage.class, TaskMessage.TYPE,
            TaskResultMessage.class, TaskResultMessage.TYPE,
            JobCancelledMessage.class, JobCancelledMessage.TYPE,
            WorkerHeartbeatMessage.class, WorkerHeartbeatMessage.TYPE);

    private ScatterEvents() {
    }

    /** The CloudEvent type of a contract record class, e.g. {@code scatter.task.v1} for {@link TaskMessage}. */
    public static String typeOf(Class<?> contract) {
        String type = TYPES.get(contract);
        if (type == null) {
            throw new IllegalArgumentException(contract.getName() + " is not a Scatter message contract");
        }
        return type;
    }

    /** A CloudEvent carrying {@code data} as JSON, with the given id, source, subject and time. */
    public static CloudEvent event(String id, String source, String subject, Instant time, Object data) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create(source))
                .withType(typeOf(data.getClass()))
                .withSubject(subject)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataContentType(JSON)
                .withData(PojoCloudEventData.wrap(data, Json.mapper()::writeValueAsBytes))
                .build();
    }

    /** The CloudEvent of a worker heartbeat: from the worker's source, about the worker, at the time it was sent. */
    public static CloudEvent heartbeat(String id, WorkerHeartbeatMessage heartbeat) {
        return event(id, Channels.WORKER_SOURCE_PREFIX + heartbeat.worker(), heartbeat.worker(), heartbeat.sentAt(),
                heartbeat);
    }

    /** A CloudEvent carrying already-serialised JSON data (as the outbox stores it). */
    public static CloudEvent event(String id, String source, String type, String subject, Instant time, byte[] json) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create(source))
                .withType(type)
                .withSubject(subject)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataContentType(JSON)
                .withData(json)
                .build();
    }

    /** A new event id. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** The JSON bytes of a contract record, as they travel in an event's data. */
    public static byte[] toJson(Object data) {
        try {
            return Json.mapper().writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + data.getClass().getSimpleName(), e);
        }
    }

    /**
     * The data of {@code event} as the contract record {@code contract}, after checking the event's type and
     * content type match it.
     */
    public static <T> T data(CloudEvent event, Class<T> contract) throws MalformedMessageException {
        String expected = typeOf(contract);
        if (!expected.equals(event.getType())) {
            throw new MalformedMessageException("expected a " + expected + " event, got " + event.getType());
        }
        if (event.getDataContentType() != null && !event.getDataContentType().startsWith(JSON)) {
            throw new MalformedMessageException("unsupported datacontenttype '" + event.getDataContentType() + "'");
        }
        if (event.getData() == null) {
            throw new MalformedMessageException(event.getType() + " event " + event.getId() + " has no data");
        }
        try {
            PojoCloudEventData<T> data = CloudEventUtils.mapData(event,
                    PojoCloudEventDataMapper.from(Json.mapper(), contract));
            if (data == null || data.getValue() == null) {
                throw new MalformedMessageException(event.getType() + " event " + event.getId() + " has no data");
            }
            return data.getValue();
        } catch (CloudEventRWException | IllegalArgumentException | NullPointerException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new MalformedMessageException("malformed " + event.getType() + " data: "
                    + CloudEventAmqpCodec.oneLine(firstLine(cause.getMessage())), e);
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
