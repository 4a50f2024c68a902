package io.scatter.api.dalc;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.UUID;

/** Stores which job each dalc task id stands for, in {@code dalc_tasks}. */
@Repository
class DalcTaskRepository {

    private final JdbcClient jdbc;

    DalcTaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Maps a new task id, the next of the database's sequence, to job {@code jobId}; returns the id. */
    long insert(UUID jobId) {
        return jdbc.sql("INSERT INTO dalc_tasks (job_id, created_at) VALUES (:jobId, now()) RETURNING id")
                .param("jobId", jobId)
                .query(Long.class)
                .single();
    }

    /** The job that task {@code id} stands for, if there is such a task. */
    Optional<UUID> findJobId(long id) {
        return jdbc.sql("SELECT job_id FROM dalc_tasks WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> rs.getObject("job_id", UUID.class))
                .optional();
    }
}
