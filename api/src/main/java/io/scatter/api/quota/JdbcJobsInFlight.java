package io.scatter.api.quota;

import io.scatter.api.auth.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link JobsInFlight} on PostgreSQL: a transaction-scoped advisory lock per caller, then a count of the caller's
 * unfinished jobs over the jobs table's status index: a key's own jobs, or every job while authentication is off.
 */
@Component
class JdbcJobsInFlight implements JobsInFlight {

    /** The first half of the advisory lock key, setting these locks apart from any other ("SCQT"). */
    private static final int LOCK_SPACE = 0x5343_5154;

    private final JdbcClient jdbc;

    JdbcJobsInFlight(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long lockAndCount(Caller caller, long atMost) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("jobs in flight must be counted in the transaction that inserts the job");
        }
        // a statement of its own: a statement's snapshot is taken before it waits for the lock
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:space, :key)) AS locked")
                .param("space", LOCK_SPACE)
                .param("key", caller.isAnyone() ? 0 : caller.keyId().hashCode())
                .query(Integer.class).single();
        JdbcClient.StatementSpec count = jdbc.sql("""
                        SELECT count(*) FROM (
                            SELECT 1 FROM jobs WHERE status IN ('QUEUED', 'RUNNING')%s LIMIT :atMost) AS unfinished"""
                        .formatted(caller.isAnyone() ? "" : " AND owner_key_id = :owner"))
                .param("atMost", atMost);
        if (!caller.isAnyone()) {
            count = count.param("owner", caller.keyId());
        }
        return count.query(Long.class).single();
    }
}
