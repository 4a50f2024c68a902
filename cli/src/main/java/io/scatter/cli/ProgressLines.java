package io.scatter.cli;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * Progress for a stream that is not a terminal (a log file, a pipe): a plain line once a second while the job runs,
 * none for a job that ends within its first second, e.g. {@code job 3f2a9c4e: 7/12 tasks (58%), 3.5 tasks/s, ETA 2 s}.
 */
final class ProgressLines implements ProgressDisplay {

    static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintStream stream;
    private final Throughput throughput;
    private long lastPrinted;

    ProgressLines(PrintStream stream, LongSupplier nanoTime) {
        this.stream = stream;
        this.throughput = new Throughput(nanoTime);
    }

    @Override
    public synchronized void show(JobProgress job) {
        throughput.observe(job.done());
        long since = throughput.sinceFirst();
        if (job.isFinished() || since - lastPrinted < INTERVAL_NANOS) {
            return;
        }
        lastPrinted = since;
        stream.println(render(job, throughput.describe(job.done(), job.total(), ", ")));
        stream.flush();
    }

    @Override
    public void finish() {
    }

    static String render(JobProgress job, String pace) {
        StringBuilder line = new StringBuilder("job ").append(job.shortId()).append(": ");
        if (job.total() > 0) {
            line.append(job.done()).append('/').append(job.total()).append(" tasks (").append(job.percent())
                    .append("%)");
        } else {
            line.append(job.status());
        }
        if (!pace.isEmpty()) {
            line.append(", ").append(pace);
        }
        return line.toString();
    }
}
