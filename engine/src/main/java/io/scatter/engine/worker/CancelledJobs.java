package io.scatter.engine.worker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The most recently cancelled job ids, the oldest forgotten beyond a fixed capacity; thread-safe. */
final class CancelledJobs {

    static final int DEFAULT_CAPACITY = 10_000;

    private final Map<UUID, Boolean> ids;

    CancelledJobs(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.ids = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void add(UUID jobId) {
        ids.put(jobId, Boolean.TRUE);
    }

    synchronized boolean contains(UUID jobId) {
        return ids.containsKey(jobId);
    }
}
