package io.scatter.api.job;

import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.DatabaseTest;
import io.scatter.contracts.TaskMessage;
import io.scatter.core.jobtype.JobDefinition;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.engine.store.JobStore;
import io.scatter.engine.store.JobStoreContract;
import io.scatter.engine.store.JobStoreTransaction;
import io.scatter.engine.store.NewJob;
import io.scatter.engine.store.StoredTask;
import io.scatter.engine.testing.SumJobType;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static io.scatter.engine.testing.TaskResultBuilder.aResultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine's job store contract on PostgreSQL, and what only the JDBC store does: join the caller's transaction. */
@DatabaseTest
class JdbcJobStoreTest extends JobStoreContract {

    static final ApiEnvironment environment = ApiEnvironment.withoutBroker();

    private static final JobTypes TYPES = JobTypes.of(new SumJobType());

    private final DataSource dataSource = environment.dataSource();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final TransactionTemplate transactions =
            new TransactionTemplate(new DataSourceTransactionManager(dataSource));

    @Override
    protected JobStore newStore(JobTypes types) {
        jdbc.sql("TRUNCATE jobs, tasks, outbox, inbox, dalc_tasks").update();
        return store(types);
    }

    @Test
    void aStoreTransactionInsideAnOpenTransactionCommitsAndRollsBackWithIt() {
        JobStore store = store(TYPES);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            store.inTransaction(transaction -> transaction.recordMessage("joined-1"));
            jdbc.sql("INSERT INTO outbox (id, type, exchange, routing_key, subject, payload) VALUES"
                    + " (gen_random_uuid(), 't', 'e', 'k', 's', '{}')").update();
            throw new IllegalStateException("the caller failed");
        })).hasMessage("the caller failed");

        boolean recordedAgain = store.inTransaction(transaction -> transaction.recordMessage("joined-1"));
        assertThat(count("SELECT count(*) FROM outbox")).isZero();
        assertThat(recordedAgain).isTrue();
    }

    @Test
    void aStoreTransactionThatThrowsInsideAnOpenTransactionRollsBackTheCallersWritesToo() {
        JobStore store = store(TYPES);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO outbox (id, type, exchange, routing_key, subject, payload) VALUES"
                    + " (gen_random_uuid(), 't', 'e', 'k', 's', '{}')").update();
            store.inTransaction(transaction -> {
                transaction.recordMessage("joined-2");
                throw new IllegalStateException("the store work failed");
            });
        })).hasMessage("the store work failed");

        assertThat(count("SELECT count(*) FROM outbox")).isZero();
        assertThat(count("SELECT count(*) FROM inbox")).isZero();
    }

    @Test
    void creatingAJobWhoseIdIsTakenFailsAndKeepsTheFirst() {
        JobStore store = store(TYPES);
        NewJob first = newJob(UUID.randomUUID(), 2);
        store.inTransaction(transaction -> {
            transaction.create(first);
            return null;
        });

        assertThatThrownBy(() -> store.inTransaction(transaction -> {
            transaction.create(newJob(first.id(), 3));
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining(first.id().toString());

        List<StoredTask> tasks = store.inTransaction(transaction -> transaction.tasks(first.id()));
        assertThat(store.find(first.id()).orElseThrow().tasksTotal()).isEqualTo(2);
        assertThat(tasks).hasSize(2);
    }

    @Test
    void aFinishedTaskRowKeepsHowLongItTook() {
        JobStore store = store(TYPES);
        NewJob job = newJob(UUID.randomUUID(), 1);
        store.inTransaction(transaction -> {
            transaction.create(job);
            return null;
        });
        TaskMessage task = new TaskMessage(job.id(), 0, 1, SumJobType.NAME, job.payloads().get(0));

        store.inTransaction(transaction -> transaction.finishTask(aResultOf(task).withResult(Map.of("sum", 1L))
                .finishedAt(Instant.parse("2024-01-01T00:00:00.250Z")).build()));

        assertThat(count("SELECT duration_ms FROM tasks WHERE job_id = '" + job.id() + "'")).isEqualTo(250);
    }

    @Test
    void aTransactionCannotBeUsedAfterItEnded() {
        JobStoreTransaction ended = store(TYPES).inTransaction(transaction -> transaction);

        assertThatThrownBy(() -> ended.recordMessage("late")).isInstanceOf(IllegalStateException.class);
        assertThat(count("SELECT count(*) FROM inbox WHERE message_id = 'late'")).isZero();
    }

    private JobStore store(JobTypes types) {
        return new JdbcJobStore(jdbc, new JobRepository(jdbc, types),
                new TaskRepository(jdbc, new JdbcTemplate(dataSource)), transactions);
    }

    private static NewJob newJob(UUID id, int numbers) {
        SumJobType type = new SumJobType();
        JobDefinition definition = type.define(Map.of("numbers", numbers), Map.of());
        List<Map<String, Object>> payloads = type.split(definition);
        return new NewJob(id, type, definition, payloads, Instant.parse("2024-05-01T12:00:00Z"));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
