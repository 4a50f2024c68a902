package io.scatter.api.deadletter;

import io.scatter.api.job.JsonValues;
import io.scatter.contracts.TaskMessage;
import io.scatter.messaging.transport.DeadLetterMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores dead letters in PostgreSQL: each message once, listed newest first, locked and marked when retried. */
@Repository
class DeadLetterRepository {

    private static final String COLUMNS = "id, message_id, job_id, task_index, job_type, reason, attempts, worker, "
            + "dead_lettered_at, payload::text AS payload, status, failed_job, received_at, retried_at";

    private final JdbcClient jdbc;

    DeadLetterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores {@code message} as DEAD dead letter {@code id}, received at {@code receivedAt}, unless a dead letter with
     * its message id is stored already (then nothing happens).
     *
     * @return whether it was stored
     */
    boolean insert(UUID id, DeadLetterMessage message, Instant receivedAt) {
        TaskMessage task = message.task();
        return jdbc.sql("""
                        INSERT INTO dead_letters (id, message_id, job_id, task_index, job_type, reason, attempts,
                                                  worker, dead_lettered_at, payload, status, received_at)
                        VALUES (:id, :messageId, :jobId, :taskIndex, :jobType, :reason, :attempts, :worker,
                                :deadLetteredAt, CAST(:payload AS jsonb), 'DEAD', :receivedAt)
                        ON CONFLICT (message_id) DO NOTHING""")
                .param("id", id)
                .param("messageId", message.messageId())
                .param("jobId", task == null ? null : task.jobId(), Types.OTHER)
                .param("taskIndex", task == null ? null : task.taskIndex(), Types.INTEGER)
                .param("jobType", task == null ? null : task.jobType(), Types.VARCHAR)
                .param("reason", message.reason())
                .param("attempts", Math.max(1, message.attempts()))
                .param("worker", message.worker(), Types.VARCHAR)
                .param("deadLetteredAt", timestamp(message.deadLetteredAt()))
                .param("payload", task == null ? null : JsonValues.write(task.payload()), Types.VARCHAR)
                .param("receivedAt", timestamp(receivedAt))
                .update() == 1;
    }

    /** Records that dead letter {@code id} failed its job. */
    void markFailedJob(UUID id) {
        jdbc.sql("UPDATE dead_letters SET failed_job = true WHERE id = :id").param("id", id).update();
    }

    /** Dead letter {@code id}, if it exists. */
    Optional<DeadLetterDocument> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dead_letters WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> document(rs))
                .optional();
    }

    /** Dead letter {@code id}, its row locked until the transaction ends; empty if it does not exist. */
    Optional<DeadLetterDocument> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dead_letters WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query((rs, n) -> document(rs))
                .optional();
    }

    /** Up to {@code limit} dead letters newest first, after {@code query.after()}, matching its filters. */
    List<DeadLetterDocument> list(DeadLetterQuery query, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM dead_letters WHERE true");
        if (query.jobId() != null) {
            sql.append(" AND job_id = :jobId");
        }
        if (query.status() != null) {
            sql.append(" AND status = :status");
        }
        if (query.after() != null) {
            sql.append(" AND (dead_lettered_at, id) < (:deadLetteredAt, :id)");
        }
        sql.append(" ORDER BY dead_lettered_at DESC, id DESC LIMIT :limit");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("limit", limit);
        if (query.jobId() != null) {
            statement = statement.param("jobId", query.jobId());
        }
        if (query.status() != null) {
            statement = statement.param("status", query.status().name());
        }
        if (query.after() != null) {
            statement = statement.param("deadLetteredAt", timestamp(query.after().deadLetteredAt()))
                    .param("id", query.after().id());
        }
        return statement.query((rs, n) -> document(rs)).list();
    }

    /**
     * Marks the DEAD dead letters of the tasks {@code taskIndexes} of job {@code jobId} RETRIED at {@code at}: their
     * tasks are back on the queue. Returns how many.
     */
    int markRetried(UUID jobId, Collection<Integer> taskIndexes, Instant at) {
        if (taskIndexes.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        UPDATE dead_letters SET status = 'RETRIED', retried_at = :at
                        WHERE job_id = :jobId AND task_index IN (:taskIndexes) AND status = 'DEAD'""")
                .param("at", timestamp(at))
                .param("jobId", jobId)
                .param("taskIndexes", List.copyOf(taskIndexes))
                .update();
    }

    private static DeadLetterDocument document(ResultSet rs) throws SQLException {
        return new DeadLetterDocument(rs.getObject("id", UUID.class), rs.getString("message_id"),
                rs.getObject("job_id", UUID.class), rs.getObject("task_index", Integer.class), rs.getString("job_type"),
                rs.getString("reason"), rs.getInt("attempts"), rs.getString("worker"),
                instant(rs, "dead_lettered_at"), JsonValues.readObject(rs.getString("payload")),
                DeadLetterStatus.valueOf(rs.getString("status")), rs.getBoolean("failed_job"),
                instant(rs, "received_at"), instant(rs, "retried_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
