-- dalc compatibility layer: the integer task ids dalc clients use, each mapped to the Scatter job that computes it.

CREATE TABLE dalc_tasks (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id     uuid        NOT NULL UNIQUE REFERENCES jobs (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE dalc_tasks IS 'a dalc task id (POST /tasks, GET /tasks?id=N) and the expression job it stands for';
