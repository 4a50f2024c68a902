package io.scatter.api.job;

import io.scatter.api.auth.Caller;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.UUID;
import java.util.function.Function;

/**
 * Opens the live streams of jobs (Server-Sent Events): checks the request as the matching GET does, sends the first
 * events on the request's thread and hands the stream to {@link JobEventPoller} for the rest.
 */
@Service
class JobEvents {

    private final JobRepository jobs;
    private final JobEventPoller poller;
    private final long timeoutMillis;

    JobEvents(JobRepository jobs, JobEventPoller poller, JobEventProperties properties) {
        this.jobs = jobs;
        this.poller = poller;
        // a backstop only: the poller ends a stream at its maximum age, and writes a keep-alive well before this
        this.timeoutMillis = properties.maxAge().plus(properties.keepAlive()).plusMinutes(1).toMillis();
    }

    /** The stream of job {@code id}, which must be the caller's (else {@link JobNotFoundException}). */
    SseEmitter followJob(Caller caller, String id) throws IOException {
        UUID jobId = JobIds.parse(id).orElseThrow(() -> new JobNotFoundException(id));
        JobDocument job = jobs.find(jobId, caller.keyId()).orElseThrow(() -> new JobNotFoundException(id));
        return start(now -> new JobEventStream(new SseEmitter(timeoutMillis), now, job, caller.keyId()),
                stream -> stream.update(job, poller.reads()));
    }

    /** The stream of the caller's job list, starting with the first page of {@code query}. */
    SseEmitter followList(Caller caller, JobQuery query) throws IOException {
        return start(now -> new JobListEventStream(new SseEmitter(timeoutMillis), now, query, caller.keyId()),
                stream -> stream.poll(poller.reads()));
    }

    /** The first events of a stream. */
    @FunctionalInterface
    private interface FirstEvents<S> {
        void send(S stream) throws IOException;
    }

    private <S extends EventStream> SseEmitter start(Function<Long, S> create, FirstEvents<S> first)
            throws IOException {
        S stream = poller.hold(create);
        try {
            // the answer's headers go out with its first write, which must not wait for the first event
            stream.keepAlive();
            first.send(stream);
            stream.markStarted();
        } catch (IOException | RuntimeException e) {
            poller.release(stream);
            throw e;
        }
        return stream.emitter();
    }
}
