package io.scatter.api.job;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.scatter.api.workers.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Every {@code scatter.events.poll-interval}, while event streams are open, reads from PostgreSQL what they follow
 * (results arrive on any replica, so memory cannot tell) and sends each stream what changed; it also writes the
 * keep-alives, ends streams at their maximum age, forgets those whose client went away, and ends them all on shutdown,
 * before the web server waits for open requests. It holds at most {@code scatter.events.max-streams} streams.
 */
@Component
class JobEventPoller extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(JobEventPoller.class);

    private final JobRepository jobs;
    private final TaskRepository tasks;
    private final JobEventProperties properties;
    private final Set<EventStream> streams = new LinkedHashSet<>();
    private boolean closed;
    private boolean failing;

    JobEventPoller(JobRepository jobs, TaskRepository tasks, JobEventProperties properties, MeterRegistry meters) {
        super("scatter-job-event-poller", properties.pollInterval());
        this.jobs = jobs;
        this.tasks = tasks;
        this.properties = properties;
        Gauge.builder("scatter.events.streams", this, JobEventPoller::open)
                .description("Server-Sent Events streams of jobs open on this replica").register(meters);
    }

    /** Reads for the first events of a stream, on the request's thread. */
    JobEventReads reads() {
        return new JobEventReads(jobs, tasks);
    }

    /**
     * Holds the stream {@code create} makes, forgetting it once its answer completes, times out or fails.
     *
     * @throws TooManyStreamsException when this replica holds {@code scatter.events.max-streams} already, or is
     *                                 shutting down
     */
    <S extends EventStream> S hold(Function<Long, S> create) {
        S stream;
        synchronized (this) {
            if (closed) {
                throw TooManyStreamsException.shuttingDown();
            }
            if (streams.size() >= properties.maxStreams()) {
                throw TooManyStreamsException.full(properties.maxStreams());
            }
            stream = create.apply(System.nanoTime());
            streams.add(stream);
        }
        stream.emitter().onCompletion(() -> forget(stream));
        stream.emitter().onTimeout(() -> {
            stream.end();
            forget(stream);
        });
        stream.emitter().onError(error -> {
            stream.abandon();
            forget(stream);
        });
        return stream;
    }

    /** Ends and forgets {@code stream}, whose first events could not be read. */
    void release(EventStream stream) {
        stream.end();
        forget(stream);
    }

    /** How many streams are open. */
    synchronized int open() {
        return streams.size();
    }

    @Override
    protected void runOnce() {
        List<EventStream> open;
        synchronized (this) {
            if (streams.isEmpty()) {
                return;
            }
            open = new ArrayList<>(streams);
        }
        try {
            poll(open);
            if (failing) {
                failing = false;
                log.info("The event streams read PostgreSQL again");
            }
        } catch (DataAccessException e) {
            // every 500 ms while the database is down: said once, the streams keep their last events meanwhile
            if (!failing) {
                failing = true;
                log.warn("The event streams cannot read PostgreSQL; trying again every {}: {}",
                        properties.pollInterval(), e.getMessage());
            }
        }
    }

    private void poll(List<EventStream> open) {
        JobEventReads reads = reads();
        long maxAge = properties.maxAge().toNanos();
        long keepAlive = properties.keepAlive().toNanos();
        for (EventStream stream : open) {
            if (!stream.isStarted()) {
                continue;
            }
            try {
                if (stream.olderThan(System.nanoTime(), maxAge)) {
                    stream.end();
                } else {
                    stream.poll(reads);
                    stream.keepAliveIfIdle(System.nanoTime(), keepAlive);
                }
            } catch (IOException | IllegalStateException e) {
                // IllegalStateException: the answer was completed underneath, e.g. on the container's error
                log.debug("An event stream's client went away: {}", e.toString());
                stream.abandon();
            }
            if (stream.ended()) {
                forget(stream);
            }
        }
    }

    @Override
    public void start() {
        synchronized (this) {
            closed = false;
        }
        super.start();
    }

    /**
     * Ends every stream, so that graceful shutdown does not wait for them, and refuses new ones; then stops polling
     * (ending them first lets a write under way finish rather than be interrupted).
     */
    @Override
    public void stop() {
        List<EventStream> open;
        synchronized (this) {
            closed = true;
            open = new ArrayList<>(streams);
            streams.clear();
        }
        open.forEach(EventStream::end);
        super.stop();
    }

    private synchronized void forget(EventStream stream) {
        streams.remove(stream);
    }
}
