package io.scatter.api.metrics;

import io.scatter.api.job.JsonValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads the stored payloads of tasks, for metrics labelled by what the tasks computed. */
@Repository
class TaskPayloads {

    /** One task of a job. */
    record TaskKey(UUID jobId, int taskIndex) {
    }

    private final JdbcClient jdbc;

    TaskPayloads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The payloads of {@code tasks}, in one query; a task not stored is missing from the map. */
    Map<TaskKey, Map<String, Object>> find(List<TaskKey> tasks) {
        Map<TaskKey, Map<String, Object>> payloads = new HashMap<>();
        if (tasks.isEmpty()) {
            return payloads;
        }
        String keys = tasks.stream()
                .map(task -> "{\"job_id\":\"" + task.jobId() + "\",\"task_index\":" + task.taskIndex() + "}")
                .collect(Collectors.joining(",", "[", "]"));
        jdbc.sql("""
                        SELECT t.job_id, t.task_index, t.payload::text AS payload
                        FROM tasks t
                        JOIN jsonb_to_recordset(CAST(:keys AS jsonb)) AS k(job_id uuid, task_index integer)
                          ON t.job_id = k.job_id AND t.task_index = k.task_index""")
                .param("keys", keys)
                .query(rs -> {
                    payloads.put(new TaskKey(rs.getObject("job_id", UUID.class), rs.getInt("task_index")),
                            JsonValues.readObject(rs.getString("payload")));
                });
        return payloads;
    }
}
