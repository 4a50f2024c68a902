package io.scatter.api.job;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The reads of one poll of the event streams: each by an index, and the ones several streams share (a job followed
 * twice, the same caller's list twice) made once per poll.
 */
final class JobEventReads {

    private final JobRepository jobs;
    private final TaskRepository tasks;
    private final Map<JobKey, Optional<JobDocument>> jobCache = new HashMap<>();
    private final Map<ListKey, List<JobDocument>> listCache = new HashMap<>();

    JobEventReads(JobRepository jobs, TaskRepository tasks) {
        this.jobs = jobs;
        this.tasks = tasks;
    }

    private record JobKey(UUID id, UUID owner) {
    }

    private record ListKey(JobQuery query, UUID owner) {
    }

    /** Job {@code id} if it exists and, unless {@code owner} is null, is {@code owner}'s: by primary key. */
    Optional<JobDocument> job(UUID id, UUID owner) {
        return jobCache.computeIfAbsent(new JobKey(id, owner), key -> jobs.find(id, owner));
    }

    /** The first page of {@code owner}'s job list for {@code query}, as the list endpoint reads it. */
    List<JobDocument> firstPage(JobQuery query, UUID owner) {
        return listCache.computeIfAbsent(new ListKey(query, owner), key -> jobs.list(query, query.limit(), owner));
    }

    /** Those of the jobs {@code ids} that exist and, unless {@code owner} is null, are {@code owner}'s: by primary key. */
    List<JobDocument> jobs(Collection<UUID> ids, UUID owner) {
        return ids.isEmpty() ? List.of() : jobs.findAll(ids, owner);
    }

    /** The tasks of job {@code jobId} not QUEUED from index {@code fromIndex} on, by index: by primary key. */
    List<TaskDocument> tasksLeftQueued(UUID jobId, int fromIndex) {
        return tasks.leftQueued(jobId, fromIndex);
    }
}
