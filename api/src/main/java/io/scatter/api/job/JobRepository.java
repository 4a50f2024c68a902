package io.scatter.api.job;

import io.scatter.core.job.Job;
import io.scatter.core.job.JobStatus;
import io.scatter.core.jobtype.JobDefinition;
import io.scatter.core.jobtype.JobType;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.core.jobtype.UnknownJobTypeException;
import io.scatter.engine.store.NewJob;
import io.scatter.engine.store.StoredJob;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Stores jobs in PostgreSQL: inserts new ones, reads documents and pages, and locks and saves the aggregate. */
@Repository
class JobRepository {

    private static final String DOCUMENT_COLUMNS = "id, type, status, input::text AS input, options::text AS options, "
            + "tasks_total, tasks_done, result::text AS result, error, created_at, started_at, finished_at, trace_id";

    private final JdbcClient jdbc;
    private final JobTypes types;

    JobRepository(JdbcClient jdbc, JobTypes types) {
        this.jdbc = jdbc;
        this.types = types;
    }

    /** A stored job's id and request fingerprint, found by its idempotency key. */
    record KeyedJob(UUID id, String fingerprint, UUID owner) {
    }

    /**
     * Inserts a new job with its QUEUED tasks, task {@code i} with {@code payloads.get(i)}, in one statement, unless
     * {@code idempotencyKey} is already taken (then nothing happens); {@code traceId} is the trace it was submitted in,
     * or null; {@code owner} the API key that submitted it, or null.
     *
     * @return the new job's document, as stored; empty if the key was taken
     */
    Optional<JobDocument> insert(Job job, JobDefinition definition, List<Map<String, Object>> payloads,
                                 String idempotencyKey, String fingerprint, String traceId, UUID owner) {
        String[] taskPayloads = new String[payloads.size()];
        for (int index = 0; index < taskPayloads.length; index++) {
            taskPayloads[index] = JsonValues.write(payloads.get(index));
        }
        return jdbc.sql("""
                        WITH job AS (
                            INSERT INTO jobs (id, type, status, input, options, tasks_total, tasks_done, result,
                                              idempotency_key, request_fingerprint, trace_id, owner_key_id,
                                              created_at)
                            VALUES (:id, :type, :status, CAST(:input AS jsonb), CAST(:options AS jsonb), :tasksTotal,
                                    :tasksDone, CAST(:result AS jsonb), :key, :fingerprint, :traceId, :owner, now())
                            ON CONFLICT (idempotency_key) DO NOTHING
                            RETURNING *),
                        task AS (
                            INSERT INTO tasks (job_id, task_index, status, payload)
                            SELECT job.id, payload.ordinality - 1, 'QUEUED', CAST(payload.value AS jsonb)
                            FROM job, unnest(CAST(:payloads AS text[])) WITH ORDINALITY AS payload(value, ordinality))
                        SELECT\s""" + DOCUMENT_COLUMNS + " FROM job")
                .param("id", job.id())
                .param("type", job.type().name())
                .param("status", job.status().name())
                .param("input", JsonValues.write(definition.input()))
                .param("options", JsonValues.write(definition.options()))
                .param("tasksTotal", job.tasksTotal())
                .param("tasksDone", job.tasksDone())
                .param("result", JsonValues.write(job.partialResult()))
                .param("key", idempotencyKey, Types.VARCHAR)
                .param("fingerprint", fingerprint, Types.VARCHAR)
                .param("traceId", traceId, Types.VARCHAR)
                .param("owner", owner, Types.OTHER)
                .param("payloads", taskPayloads)
                .query((rs, n) -> document(rs))
                .optional();
    }

    /**
     * Inserts a job accepted through the engine's store port, without an idempotency key, at its own creation time.
     *
     * @return whether the job was inserted; false if its id is taken
     */
    boolean create(NewJob job) {
        Job queued = job.job();
        return jdbc.sql("""
                        INSERT INTO jobs (id, type, status, input, options, tasks_total, tasks_done, result, created_at)
                        VALUES (:id, :type, :status, CAST(:input AS jsonb), CAST(:options AS jsonb), :tasksTotal,
                                :tasksDone, CAST(:result AS jsonb), :createdAt)
                        ON CONFLICT (id) DO NOTHING""")
                .param("id", queued.id())
                .param("type", queued.type().name())
                .param("status", queued.status().name())
                .param("input", JsonValues.write(job.definition().input()))
                .param("options", JsonValues.write(job.definition().options()))
                .param("tasksTotal", queued.tasksTotal())
                .param("tasksDone", queued.tasksDone())
                .param("result", JsonValues.write(queued.partialResult()))
                .param("createdAt", timestamp(job.createdAt()))
                .update() == 1;
    }

    /** The job submitted with {@code idempotencyKey}, if any. */
    Optional<KeyedJob> findByIdempotencyKey(String idempotencyKey) {
        return jdbc.sql("SELECT id, request_fingerprint, owner_key_id FROM jobs WHERE idempotency_key = :key")
                .param("key", idempotencyKey)
                .query((rs, n) -> new KeyedJob(rs.getObject("id", UUID.class), rs.getString("request_fingerprint"),
                        rs.getObject("owner_key_id", UUID.class)))
                .optional();
    }

    /** The document of job {@code id}, if it exists and, unless {@code owner} is null, belongs to {@code owner}. */
    Optional<JobDocument> find(UUID id, UUID owner) {
        return owned(jdbc.sql("SELECT " + DOCUMENT_COLUMNS + " FROM jobs WHERE id = :id" + ownerCondition(owner))
                .param("id", id), owner)
                .query((rs, n) -> document(rs))
                .optional();
    }

    /** The documents of those of the jobs {@code ids} that exist and, unless {@code owner} is null, are its. */
    List<JobDocument> findAll(Collection<UUID> ids, UUID owner) {
        String[] texts = ids.stream().map(UUID::toString).toArray(String[]::new);
        return owned(jdbc.sql("SELECT " + DOCUMENT_COLUMNS + " FROM jobs WHERE id = ANY (CAST(:ids AS uuid[]))"
                        + ownerCondition(owner) + " ORDER BY created_at DESC, id DESC")
                .param("ids", texts), owner)
                .query((rs, n) -> document(rs))
                .list();
    }

    /** Job {@code id} as stored, if it exists. */
    Optional<StoredJob> findStored(UUID id) {
        return jdbc.sql("SELECT " + DOCUMENT_COLUMNS + " FROM jobs WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> stored(rs))
                .optional();
    }

    /** Whether job {@code id} exists and, unless {@code owner} is null, belongs to {@code owner}. */
    boolean exists(UUID id, UUID owner) {
        return owned(jdbc.sql("SELECT EXISTS (SELECT 1 FROM jobs WHERE id = :id" + ownerCondition(owner) + ")")
                .param("id", id), owner)
                .query(Boolean.class).single();
    }

    /**
     * Up to {@code limit} documents newest first, after {@code query.after()}, of {@code query.status()} if set, of
     * {@code owner} unless it is null.
     */
    List<JobDocument> list(JobQuery query, int limit, UUID owner) {
        StringBuilder sql = new StringBuilder("SELECT " + DOCUMENT_COLUMNS + " FROM jobs WHERE true"
                + ownerCondition(owner));
        JdbcClient.StatementSpec statement;
        if (query.status() != null) {
            sql.append(" AND status = :status");
        }
        if (query.after() != null) {
            sql.append(" AND (created_at, id) < (:createdAt, :id)");
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
        statement = owned(jdbc.sql(sql.toString()).param("limit", limit), owner);
        if (query.status() != null) {
            statement = statement.param("status", query.status().name());
        }
        if (query.after() != null) {
            statement = statement.param("createdAt", timestamp(query.after().createdAt())).param("id", query.after().id());
        }
        return statement.query((rs, n) -> document(rs)).list();
    }

    /** Job {@code id} as an aggregate, its row locked until the transaction ends; empty if it does not exist. */
    Optional<Job> lock(UUID id) {
        return jdbc.sql("""
                        SELECT id, type, status, tasks_total, tasks_done, result::text AS result, error,
                               started_at, finished_at
                        FROM jobs WHERE id = :id FOR UPDATE""")
                .param("id", id)
                .query((rs, n) -> Job.restore(rs.getObject("id", UUID.class), type(rs.getString("type")),
                        rs.getInt("tasks_total"), JobStatus.valueOf(rs.getString("status")), rs.getInt("tasks_done"),
                        JsonValues.readObject(rs.getString("result")), rs.getString("error"),
                        instant(rs, "started_at"), instant(rs, "finished_at")))
                .optional();
    }

    /** Stores the status, progress, partial result, error and times of {@code job}. */
    void save(Job job) {
        int updated = jdbc.sql("""
                        UPDATE jobs SET status = :status, tasks_done = :tasksDone, result = CAST(:result AS jsonb),
                                        error = :error, started_at = :startedAt, finished_at = :finishedAt
                        WHERE id = :id""")
                .param("status", job.status().name())
                .param("tasksDone", job.tasksDone())
                .param("result", JsonValues.write(job.partialResult()))
                .param("error", job.error(), Types.VARCHAR)
                .param("startedAt", timestamp(job.startedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("finishedAt", timestamp(job.finishedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("id", job.id())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("job " + job.id() + " vanished while it was being saved");
        }
    }

    private static String ownerCondition(UUID owner) {
        return owner == null ? "" : " AND owner_key_id = :owner";
    }

    private static JdbcClient.StatementSpec owned(JdbcClient.StatementSpec statement, UUID owner) {
        return owner == null ? statement : statement.param("owner", owner);
    }

    private JobType type(String name) {
        try {
            return types.get(name);
        } catch (UnknownJobTypeException e) {
            throw new IllegalStateException("a stored job has the type '" + name + "', which this API does not have");
        }
    }

    private static StoredJob stored(ResultSet rs) throws SQLException {
        JobStatus status = JobStatus.valueOf(rs.getString("status"));
        return new StoredJob(rs.getObject("id", UUID.class), rs.getString("type"), status,
                JsonValues.readObject(rs.getString("input")), JsonValues.readObject(rs.getString("options")),
                rs.getInt("tasks_total"), rs.getInt("tasks_done"),
                status == JobStatus.SUCCEEDED ? JsonValues.readObject(rs.getString("result")) : null,
                rs.getString("error"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    private static JobDocument document(ResultSet rs) throws SQLException {
        StoredJob job = stored(rs);
        return new JobDocument(job.id(), job.type(), job.status(), job.input(), job.options(),
                JobDocument.Progress.of(job.tasksTotal(), job.tasksDone()), job.result(), job.error(), job.createdAt(),
                job.startedAt(), job.finishedAt(), rs.getString("trace_id"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
