package io.scatter.api.workers;

import io.scatter.contracts.WorkerHeartbeatMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The workers this API replica has heard from, in memory, each with its last heartbeat and when it arrived (on the
 * application {@link Clock}); every replica hears every heartbeat, so all replicas list the same workers.
 */
@Component
class WorkerRegistry {

    private static final Logger log = LoggerFactory.getLogger(WorkerRegistry.class);

    private final Clock clock;
    private final WorkersProperties properties;
    private final Map<String, Sighting> workers = new ConcurrentHashMap<>();

    WorkerRegistry(Clock clock, WorkersProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    /** A worker's last heartbeat, when it arrived, and whether the tasks it listed were recovered since. */
    private record Sighting(WorkerHeartbeatMessage heartbeat, Instant lastSeenAt, boolean recovered) {

        Sighting(WorkerHeartbeatMessage heartbeat, Instant lastSeenAt) {
            this(heartbeat, lastSeenAt, false);
        }
    }

    /**
     * A worker silent for longer than {@code scatter.workers.lost-after} whose last heartbeat listed tasks in flight.
     *
     * @param tasks the task indexes it held, by job
     */
    record LostWorker(String name, Instant lastSeenAt, Map<UUID, List<Integer>> tasks) {
    }

    /**
     * Records {@code heartbeat} as the worker's latest, unless it is an older heartbeat of the same worker process
     * that arrived late.
     */
    void heard(WorkerHeartbeatMessage heartbeat) {
        Sighting fresh = new Sighting(heartbeat, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        Sighting before = workers.get(heartbeat.worker());
        Sighting now = workers.merge(heartbeat.worker(), fresh, (old, update) -> outdated(update, old) ? old : update);
        if (now == fresh && (before == null || !sameProcess(before.heartbeat(), heartbeat))) {
            log.info("Worker {} on {} (pid {}, concurrency {}) is sending heartbeats", heartbeat.worker(),
                    heartbeat.host(), heartbeat.pid(), heartbeat.concurrency());
        }
    }

    /** The workers not yet forgotten, sorted by name. */
    List<WorkerDocument> list() {
        Instant now = clock.instant();
        return workers.values().stream()
                .filter(sighting -> !forgotten(sighting, now))
                .map(sighting -> document(sighting, now))
                .sorted(Comparator.comparing(WorkerDocument::name))
                .toList();
    }

    /** The tasks the ALIVE workers can compute at once: the sum of their concurrency. */
    int liveSlots() {
        Instant now = clock.instant();
        return workers.values().stream()
                .filter(sighting -> status(sighting, now) == WorkerStatus.ALIVE)
                .mapToInt(sighting -> sighting.heartbeat().concurrency())
                .sum();
    }

    /** The lost workers that held tasks when last heard from, whose tasks are not {@linkplain #recovered} yet. */
    List<LostWorker> lostHoldingTasks() {
        Instant now = clock.instant();
        return workers.values().stream()
                .filter(sighting -> !sighting.recovered() && status(sighting, now) == WorkerStatus.LOST
                        && !forgotten(sighting, now) && !sighting.heartbeat().inFlight().isEmpty())
                .map(sighting -> new LostWorker(sighting.heartbeat().worker(), sighting.lastSeenAt(),
                        sighting.heartbeat().inFlight().stream().collect(Collectors.groupingBy(
                                WorkerHeartbeatMessage.InFlightTask::jobId, TreeMap::new,
                                Collectors.mapping(WorkerHeartbeatMessage.InFlightTask::taskIndex,
                                        Collectors.toList())))))
                .sorted(Comparator.comparing(LostWorker::name))
                .toList();
    }

    /** Notes that the tasks of {@code lost} were recovered, unless the worker has been heard from since. */
    void recovered(LostWorker lost) {
        workers.computeIfPresent(lost.name(), (name, sighting) -> sighting.lastSeenAt().equals(lost.lastSeenAt())
                ? new Sighting(sighting.heartbeat(), sighting.lastSeenAt(), true)
                : sighting);
    }

    /** Removes the workers silent for longer than {@code scatter.workers.forget-after}; returns how many. */
    int forgetSilent() {
        Instant now = clock.instant();
        int[] forgotten = {0};
        workers.values().removeIf(sighting -> {
            if (!forgotten(sighting, now)) {
                return false;
            }
            forgotten[0]++;
            log.info("Forgetting worker {}: nothing heard from it since {}", sighting.heartbeat().worker(),
                    sighting.lastSeenAt());
            return true;
        });
        return forgotten[0];
    }

    private WorkerDocument document(Sighting sighting, Instant now) {
        WorkerHeartbeatMessage heartbeat = sighting.heartbeat();
        return new WorkerDocument(heartbeat.worker(), heartbeat.host(), heartbeat.pid(), status(sighting, now),
                heartbeat.concurrency(), heartbeat.tasksDone(), heartbeat.tasksFailed(),
                heartbeat.inFlight().stream()
                        .map(task -> new WorkerDocument.CurrentTask(task.jobId(), task.taskIndex(), task.startedAt()))
                        .toList(),
                heartbeat.startedAt(), sighting.lastSeenAt());
    }

    private WorkerStatus status(Sighting sighting, Instant now) {
        if (now.isAfter(sighting.lastSeenAt().plus(properties.lostAfter()))) {
            return WorkerStatus.LOST;
        }
        return sighting.heartbeat().state() == WorkerHeartbeatMessage.State.STOPPING
                ? WorkerStatus.STOPPING
                : WorkerStatus.ALIVE;
    }

    private boolean forgotten(Sighting sighting, Instant now) {
        return now.isAfter(sighting.lastSeenAt().plus(properties.forgetAfter()));
    }

    /** Whether {@code update} was sent before {@code current} by the same worker process. */
    private static boolean outdated(Sighting update, Sighting current) {
        return sameProcess(update.heartbeat(), current.heartbeat())
                && update.heartbeat().sentAt().isBefore(current.heartbeat().sentAt());
    }

    private static boolean sameProcess(WorkerHeartbeatMessage a, WorkerHeartbeatMessage b) {
        return a.pid() == b.pid() && Objects.equals(a.host(), b.host()) && a.startedAt().equals(b.startedAt());
    }
}
