package io.scatter.api.outbox;

import io.scatter.contracts.TaskMessage;
import io.scatter.messaging.TraceExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The outbox table: rows are written with the change they announce and marked sent once the broker confirmed them. */
@Repository
class OutboxRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    OutboxRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Inserts unsent rows; their {@code createdAt} is ignored in favour of the transaction's time. */
    void insertAll(List<OutboxRow> rows) {
        batch.batchUpdate("""
                        INSERT INTO outbox (id, type, exchange, routing_key, subject, payload, created_at,
                                            traceparent, tracestate)
                        VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), now(), ?, ?)""",
                rows.stream().map(row -> new Object[]{row.id(), row.type(), row.exchange(), row.routingKey(),
                        row.subject(), row.payload(), row.traceContext().get(TraceExtension.TRACEPARENT),
                        row.traceContext().get(TraceExtension.TRACESTATE)}).toList(),
                new int[]{Types.OTHER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                        Types.VARCHAR, Types.VARCHAR});
    }

    /** Deletes the unsent rows of {@code type} about {@code subject}; returns how many. */
    int deleteUnsent(String subject, String type) {
        return jdbc.sql("DELETE FROM outbox WHERE subject = :subject AND type = :type AND sent_at IS NULL")
                .param("subject", subject)
                .param("type", type)
                .update();
    }

    /** Up to {@code limit} of the oldest unsent rows, locked; rows locked by another relay are skipped. */
    List<OutboxRow> lockUnsent(int limit) {
        return jdbc.sql("""
                        SELECT id, type, exchange, routing_key, subject, payload::text AS payload, created_at,
                               traceparent, tracestate
                        FROM outbox WHERE sent_at IS NULL
                        ORDER BY created_at, seq
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""")
                .param("limit", limit)
                .query((rs, n) -> new OutboxRow(rs.getObject("id", UUID.class), rs.getString("type"),
                        rs.getString("exchange"), rs.getString("routing_key"), rs.getString("subject"),
                        rs.getString("payload"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        traceContext(rs.getString("traceparent"), rs.getString("tracestate"))))
                .list();
    }

    private static Map<String, String> traceContext(String traceparent, String tracestate) {
        Map<String, String> context = new LinkedHashMap<>();
        if (traceparent != null) {
            context.put(TraceExtension.TRACEPARENT, traceparent);
            if (tracestate != null) {
                context.put(TraceExtension.TRACESTATE, tracestate);
            }
        }
        return context;
    }

    /** Marks the rows {@code ids} as sent now; one statement text for any number of rows, so it stays prepared. */
    void markSent(List<UUID> ids) {
        jdbc.sql("UPDATE outbox SET sent_at = now() WHERE id = ANY(CAST(:ids AS uuid[]))")
                .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .update();
    }

    /** Whether a message of task {@code taskIndex} of job {@code subject} was queued after {@code since}. */
    boolean taskQueuedSince(String subject, int taskIndex, Instant since) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM outbox
                                       WHERE subject = :subject AND type = :type AND created_at > :since
                                         AND (payload ->> 'taskIndex')::int = :taskIndex)""")
                .param("subject", subject)
                .param("type", TaskMessage.TYPE)
                .param("since", since.atOffset(ZoneOffset.UTC))
                .param("taskIndex", taskIndex)
                .query(Boolean.class)
                .single();
    }

    /** Deletes rows sent before {@code cutoff}; returns how many. */
    int deleteSentBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM outbox WHERE sent_at < :cutoff")
                .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .update();
    }
}
