package io.scatter.api.job;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;

/**
 * One open Server-Sent Events answer and what it last sent; {@link JobEventPoller} brings it up to date. Writes are
 * serialised on the stream, so the request thread's first events and the poller's later ones never interleave.
 */
abstract class EventStream {

    private static final String KEEP_ALIVE = " keep-alive";

    private final SseEmitter emitter;
    private final long openedAt;
    private long lastWriteAt;
    private boolean ended;
    private volatile boolean started;

    /** @param emitter the answer; its timeout is only a backstop, as the poller ends a stream at its maximum age */
    EventStream(SseEmitter emitter, long nowNanos) {
        this.emitter = emitter;
        this.openedAt = nowNanos;
        this.lastWriteAt = nowNanos;
    }

    /** Reads what this stream follows (through {@code reads}) and sends what changed since it last sent. */
    abstract void poll(JobEventReads reads) throws IOException;

    SseEmitter emitter() {
        return emitter;
    }

    /** Marks the first events sent, on the request's thread: only then does the poller bring the stream up to date. */
    final void markStarted() {
        started = true;
    }

    final boolean isStarted() {
        return started;
    }

    /** Sends an event named {@code name} whose data is {@code data} as JSON, as the REST answers write it. */
    final synchronized void send(String name, Object data) throws IOException {
        if (ended) {
            return;
        }
        emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        lastWriteAt = System.nanoTime();
    }

    /** Writes a comment line if nothing was written for {@code idleNanos}; a client that went away fails it. */
    final synchronized void keepAliveIfIdle(long nowNanos, long idleNanos) throws IOException {
        if (nowNanos - lastWriteAt >= idleNanos) {
            keepAlive();
        }
    }

    /** Writes a comment line; the first one also sends the answer's headers when there is no event to send yet. */
    final synchronized void keepAlive() throws IOException {
        if (!ended) {
            emitter.send(SseEmitter.event().comment(KEEP_ALIVE));
            lastWriteAt = System.nanoTime();
        }
    }

    /** Whether the stream has been open for {@code maxAgeNanos} or longer. */
    final boolean olderThan(long nowNanos, long maxAgeNanos) {
        return nowNanos - openedAt >= maxAgeNanos;
    }

    /** Ends the answer normally (the client sees the end of the body); later sends are ignored. */
    final synchronized void end() {
        if (!ended) {
            ended = true;
            emitter.complete();
        }
    }

    /** Marks the stream ended without writing, after its client went away or the answer failed. */
    final synchronized void abandon() {
        ended = true;
    }

    final synchronized boolean ended() {
        return ended;
    }
}
