package io.scatter.api.results;

import io.scatter.contracts.TaskResultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox: records each message id in the same transaction as the result's effect, so a message delivered again
 * finds its id taken and is skipped.
 */
class IdempotentResultHandler implements ResultHandler {

    private static final Logger log = LoggerFactory.getLogger(IdempotentResultHandler.class);

    private final JdbcClient jdbc;
    private final ResultHandler delegate;

    IdempotentResultHandler(JdbcClient jdbc, ResultHandler delegate) {
        this.jdbc = jdbc;
        this.delegate = delegate;
    }

    @Override
    @Transactional
    public void handle(String messageId, TaskResultMessage result) {
        int recorded = jdbc.sql("""
                        INSERT INTO inbox (message_id, type, received_at) VALUES (:id, :type, now())
                        ON CONFLICT (message_id) DO NOTHING""")
                .param("id", messageId)
                .param("type", TaskResultMessage.TYPE)
                .update();
        if (recorded == 0) {
            log.info("Skipping result message {} (task {} of job {}): already handled", messageId,
                    result.taskIndex(), result.jobId());
            return;
        }
        delegate.handle(messageId, result);
    }
}
