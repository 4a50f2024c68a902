package io.scatter.api.dalc;

import io.scatter.api.auth.Caller;
import io.scatter.api.job.JobDocument;
import io.scatter.api.job.JobRequest;
import io.scatter.api.job.JobNotFoundException;
import io.scatter.api.job.JobService;
import io.scatter.api.problem.BadRequestException;
import io.scatter.core.jobtype.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Map;
import java.util.UUID;

/** The dalc use cases: a task is an {@code expression} job submitted like any other, plus its integer id. */
@Service
class DalcTasks {

    /** The job type that computes dalc tasks. */
    static final String JOB_TYPE = "expression";

    /** The job input field that holds the expression; dalc clients know it as {@code expression}. */
    private static final String INPUT_FIELD = "input." + DalcTask.EXPRESSION;
    private static final Logger log = LoggerFactory.getLogger(DalcTasks.class);

    private final JobService jobs;
    private final DalcTaskRepository tasks;

    DalcTasks(JobService jobs, DalcTaskRepository tasks) {
        this.jobs = jobs;
        this.tasks = tasks;
    }

    /**
     * Submits {@code expression} as an {@code expression} job (validated, stored with its tasks and outbox messages)
     * for {@code caller}, and maps a new task id to it, all in one transaction: neither is stored without the other.
     */
    @Transactional
    public DalcTask create(Caller caller, String expression) {
        JobDocument job;
        try {
            job = jobs.submit(caller, JobRequest.of(JOB_TYPE, Map.of(DalcTask.EXPRESSION, expression)), null).job();
        } catch (InvalidInputException e) {
            String detail = String.valueOf(e.getMessage()).replace(INPUT_FIELD, DalcTask.EXPRESSION);
            throw new BadRequestException(DalcTask.EXPRESSION, detail);
        }
        long id = tasks.insert(job.id());
        log.info("dalc task {} is {} job {}", id, JOB_TYPE, job.id());
        return DalcTask.of(id, job);
    }

    /** Task {@code id}, read from its job; not found when its job belongs to another caller. */
    @Transactional(readOnly = true)
    public DalcTask find(Caller caller, long id) {
        UUID jobId = tasks.findJobId(id).orElseThrow(() -> new DalcTaskNotFoundException(id));
        try {
            return DalcTask.of(id, jobs.get(caller, jobId.toString()));
        } catch (JobNotFoundException e) {
            throw new DalcTaskNotFoundException(id);
        }
    }
}
