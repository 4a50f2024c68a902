package io.scatter.engine.memory;

import io.scatter.core.jobtype.JobTypes;
import io.scatter.engine.store.JobStore;
import io.scatter.engine.store.ResultBatchContract;

class InMemoryResultBatchTest extends ResultBatchContract {

    @Override
    protected JobStore newStore(JobTypes types) {
        return new InMemoryJobStore();
    }
}
