package io.scatter.api.job;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The stream of a caller's job list: a {@code job} event for each job of the list's first page, then one for every job
 * that appears on it or changes. Jobs sent before and still open are followed by id after they leave the first page;
 * a job that leaves the status filter is sent once more, with its new status, and then no longer followed.
 */
final class JobListEventStream extends EventStream {

    private final JobQuery query;
    private final UUID owner;
    /** What was last sent of each job still followed. */
    private final Map<UUID, JobChange> sent = new LinkedHashMap<>();

    /** @param query the first page to watch (its cursor unset); @param owner whose jobs, or null for everyone's */
    JobListEventStream(SseEmitter emitter, long nowNanos, JobQuery query, UUID owner) {
        super(emitter, nowNanos);
        this.query = query;
        this.owner = owner;
    }

    @Override
    synchronized void poll(JobEventReads reads) throws IOException {
        List<JobDocument> page = reads.firstPage(query, owner);
        Set<UUID> onPage = new HashSet<>();
        for (JobDocument job : page) {
            onPage.add(job.id());
            sendIfChanged(job);
        }
        Set<UUID> offPage = new HashSet<>(sent.keySet());
        offPage.removeAll(onPage);
        for (JobDocument job : reads.jobs(offPage, owner)) {
            sendIfChanged(job);
            if (job.status().isFinal() || (query.status() != null && job.status() != query.status())) {
                sent.remove(job.id());
            }
            offPage.remove(job.id());
        }
        sent.keySet().removeAll(offPage);
    }

    private void sendIfChanged(JobDocument job) throws IOException {
        JobChange change = JobChange.of(job);
        if (!change.equals(sent.get(job.id()))) {
            send("job", job);
            sent.put(job.id(), change);
        }
    }
}
