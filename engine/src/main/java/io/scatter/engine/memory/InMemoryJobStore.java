package io.scatter.engine.memory;

import io.scatter.engine.store.JobStore;
import io.scatter.engine.store.JobStoreTransaction;
import io.scatter.engine.store.StoredTask;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The {@link JobStore} of local mode: jobs, tasks and the inbox in maps, nothing persisted. One transaction runs at a
 * time under a lock, and a transaction that throws is undone from its journal.
 *
 * <pre>{@code
 * JobStore store = new InMemoryJobStore();
 * store.inTransaction(tx -> { tx.create(newJob); return null; });
 * }</pre>
 */
public final class InMemoryJobStore implements JobStore {

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<UUID, JobRow> jobs = new HashMap<>();
    private final Map<UUID, List<StoredTask>> tasks = new HashMap<>();
    private final Set<String> inbox = new HashSet<>();

    @Override
    public <T> T inTransaction(Function<JobStoreTransaction, T> work) {
        if (lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("transactions of the in-memory job store do not nest");
        }
        lock.lock();
        MemoryTransaction transaction = new MemoryTransaction(jobs, tasks, inbox);
        try {
            T value = work.apply(transaction);
            transaction.end(true);
            return value;
        } catch (RuntimeException | Error e) {
            transaction.end(false);
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /** How many message ids the inbox holds (for tests and diagnostics). */
    public int inboxSize() {
        lock.lock();
        try {
            return inbox.size();
        } finally {
            lock.unlock();
        }
    }
}
