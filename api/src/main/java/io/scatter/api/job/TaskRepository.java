package io.scatter.api.job;

import io.scatter.contracts.TaskResultMessage;
import io.scatter.engine.store.StoredTask;
import io.scatter.engine.store.TaskStatus;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Stores the tasks of jobs; each task moves out of QUEUED at most once, which is what counts a result once. */
@Repository
class TaskRepository {

    private static final String DOCUMENT_COLUMNS =
            "task_index, status, worker, attempts, started_at, finished_at, duration_ms, error";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    TaskRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Inserts the QUEUED tasks of job {@code jobId}, task {@code i} with {@code payloads.get(i)}. */
    void insertAll(UUID jobId, List<Map<String, Object>> payloads) {
        List<Object[]> rows = new ArrayList<>(payloads.size());
        for (int index = 0; index < payloads.size(); index++) {
            rows.add(new Object[]{jobId, index, JsonValues.write(payloads.get(index))});
        }
        batch.batchUpdate("INSERT INTO tasks (job_id, task_index, status, payload) VALUES (?, ?, 'QUEUED', CAST(? AS jsonb))",
                rows, new int[]{Types.OTHER, Types.INTEGER, Types.VARCHAR});
    }

    /** Marks the tasks of {@code jobId} still QUEUED as CANCELLED; returns how many. */
    int cancelQueued(UUID jobId) {
        return jdbc.sql("UPDATE tasks SET status = 'CANCELLED' WHERE job_id = :jobId AND status = 'QUEUED'")
                .param("jobId", jobId)
                .update();
    }

    /**
     * Moves the FAILED and CANCELLED tasks of {@code jobId} back to QUEUED, clearing what their end recorded; returns
     * them, as they are now, by index.
     */
    List<StoredTask> requeue(UUID jobId) {
        List<StoredTask> requeued = new ArrayList<>(jdbc.sql("""
                        UPDATE tasks SET status = 'QUEUED', result = NULL, error = NULL, worker = NULL, attempts = 0,
                                         started_at = NULL, finished_at = NULL, duration_ms = NULL
                        WHERE job_id = :jobId AND status IN ('FAILED', 'CANCELLED')
                        RETURNING task_index, payload::text AS payload""")
                .param("jobId", jobId)
                .query((rs, n) -> new StoredTask(jobId, rs.getInt("task_index"), TaskStatus.QUEUED,
                        JsonValues.readObject(rs.getString("payload")), null, null, null, 0, null, null))
                .list());
        requeued.sort(Comparator.comparingInt(StoredTask::taskIndex));
        return List.copyOf(requeued);
    }

    /**
     * Records a SUCCEEDED or FAILED result on its task, if the task is still QUEUED.
     *
     * @return whether the task was QUEUED (the result counts); false if it was already counted or cancelled
     */
    boolean record(TaskResultMessage result) {
        return recordAll(List.of(result)).get(0);
    }

    /**
     * Records {@code results} in order, as {@link #record} does, sent to the database as one JDBC batch.
     *
     * @return whether each result counts, by position
     */
    List<Boolean> recordAll(List<TaskResultMessage> results) {
        int[] updated = batch.batchUpdate("""
                UPDATE tasks SET status = ?, result = CAST(? AS jsonb), error = ?, worker = ?, attempts = ?,
                                 started_at = ?, finished_at = ?, duration_ms = ?
                WHERE job_id = ? AND task_index = ? AND status = 'QUEUED'""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int i) throws SQLException {
                TaskResultMessage result = results.get(i);
                boolean succeeded = result.outcome() == TaskResultMessage.Outcome.SUCCEEDED;
                statement.setString(1, result.outcome().name());
                statement.setString(2, succeeded ? JsonValues.write(result.result()) : null);
                statement.setString(3, succeeded ? null : result.error());
                statement.setString(4, result.worker());
                statement.setInt(5, result.attempt());
                statement.setObject(6, JobRepository.timestamp(result.startedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
                statement.setObject(7, JobRepository.timestamp(result.finishedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
                statement.setLong(8, Duration.between(result.startedAt(), result.finishedAt()).toMillis());
                statement.setObject(9, result.jobId());
                statement.setInt(10, result.taskIndex());
            }

            @Override
            public int getBatchSize() {
                return results.size();
            }
        });
        List<Boolean> recorded = new ArrayList<>(updated.length);
        for (int count : updated) {
            recorded.add(count == 1);
        }
        return recorded;
    }

    /** The tasks of job {@code jobId} by index; empty if there is no such job. */
    List<StoredTask> list(UUID jobId) {
        return jdbc.sql("""
                        SELECT task_index, status, payload::text AS payload, result::text AS result, error, worker,
                               attempts, started_at, finished_at
                        FROM tasks WHERE job_id = :jobId ORDER BY task_index""")
                .param("jobId", jobId)
                .query((rs, n) -> new StoredTask(jobId, rs.getInt("task_index"),
                        TaskStatus.valueOf(rs.getString("status")), JsonValues.readObject(rs.getString("payload")),
                        JsonValues.readObject(rs.getString("result")), rs.getString("error"), rs.getString("worker"),
                        rs.getInt("attempts"), JobRepository.instant(rs, "started_at"),
                        JobRepository.instant(rs, "finished_at")))
                .list();
    }

    /** Up to {@code limit} tasks of job {@code jobId} after index {@code afterIndex}, by index, without their data. */
    List<TaskDocument> page(UUID jobId, int afterIndex, int limit) {
        return jdbc.sql("SELECT " + DOCUMENT_COLUMNS
                        + " FROM tasks WHERE job_id = :jobId AND task_index > :after ORDER BY task_index LIMIT :limit")
                .param("jobId", jobId)
                .param("after", afterIndex)
                .param("limit", limit)
                .query((rs, n) -> document(rs))
                .list();
    }

    /** The tasks of job {@code jobId} that are no longer QUEUED, from index {@code fromIndex} on, by index. */
    List<TaskDocument> leftQueued(UUID jobId, int fromIndex) {
        return jdbc.sql("SELECT " + DOCUMENT_COLUMNS + " FROM tasks"
                        + " WHERE job_id = :jobId AND task_index >= :from AND status <> 'QUEUED' ORDER BY task_index")
                .param("jobId", jobId)
                .param("from", fromIndex)
                .query((rs, n) -> document(rs))
                .list();
    }

    private static TaskDocument document(ResultSet rs) throws SQLException {
        return new TaskDocument(rs.getInt("task_index"), TaskStatus.valueOf(rs.getString("status")),
                rs.getString("worker"), rs.getInt("attempts"), JobRepository.instant(rs, "started_at"),
                JobRepository.instant(rs, "finished_at"), rs.getObject("duration_ms", Long.class),
                rs.getString("error"));
    }
}
