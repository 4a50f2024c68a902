package io.scatter.engine.memory;

import io.scatter.core.jobtype.JobTypes;
import io.scatter.engine.store.JobStore;
import io.scatter.engine.store.JobStoreContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryJobStoreTest extends JobStoreContract {

    @Override
    protected JobStore newStore(JobTypes types) {
        return new InMemoryJobStore();
    }

    @Test
    void aTransactionCannotBeUsedAfterItEnded() {
        InMemoryJobStore store = new InMemoryJobStore();
        var transaction = store.inTransaction(tx -> tx);

        assertThatThrownBy(() -> transaction.recordMessage("late")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void transactionsDoNotNest() {
        InMemoryJobStore store = new InMemoryJobStore();

        assertThatThrownBy(() -> store.inTransaction(outer -> store.inTransaction(inner -> null)))
                .isInstanceOf(IllegalStateException.class);
    }
}
