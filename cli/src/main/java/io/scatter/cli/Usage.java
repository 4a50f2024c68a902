package io.scatter.cli;

/** The help text of the CLI. */
final class Usage {

    static final String TEXT = """
            usage: scatter [--server URL] COMMAND [ARGUMENTS]
              (scatter is 'java -jar scatter-cli.jar')

            Talks to the Scatter API at --server URL (env SCATTER_SERVER, default http://127.0.0.1:8080).

            commands:
              submit TYPE [--from N --to N] [--algorithm A] [--tasks N] [--KEY VALUE]...
                     [--input JSON] [--idempotency-key K] [--wait]
                                  submit a job and print its id; with --wait, wait for it and
                                  print its result (the bare value when it has one field)
              status ID           print a job as JSON
              jobs [--status S] [--limit N] [--cursor C]
                                  list jobs, newest first: id, type, status, progress, created
              cancel ID           cancel a job and print its new status
              help                print this help

            submit puts --algorithm and --tasks in the job's options, every other --KEY VALUE in
            its input (as an integer when it reads as one, else as a string), and --input JSON as
            the whole input. --idempotency-key makes a retried submit return the same job.

            exit codes: 0 done; 1 the job failed or was cancelled, or the API is unreachable or
            failing; 2 bad usage, or the API rejected the request

            examples:
              scatter submit prime-count --from 0 --to 1000000 --tasks 10 --wait
              scatter jobs --status RUNNING --limit 20
            """;

    private Usage() {
    }
}
