package io.scatter.api.job;

import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.DatabaseTest;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.engine.store.JobStore;
import io.scatter.engine.store.ResultBatchContract;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/** The engine's result batch contract on PostgreSQL, whose store inserts message ids and finishes tasks in batches. */
@DatabaseTest
class JdbcResultBatchTest extends ResultBatchContract {

    static final ApiEnvironment environment = ApiEnvironment.withoutBroker();

    private final DataSource dataSource = environment.dataSource();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);

    @Override
    protected JobStore newStore(JobTypes types) {
        jdbc.sql("TRUNCATE jobs, tasks, outbox, inbox, dalc_tasks").update();
        return new JdbcJobStore(jdbc, new JobRepository(jdbc, types),
                new TaskRepository(jdbc, new JdbcTemplate(dataSource)),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }
}
