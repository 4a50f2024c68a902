package io.scatter.cli;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar redrawn in place on a terminal, at most ten times a second, e.g.
 * {@code job 3f2a9c4e [#######-----]  58%  7/12 tasks  3.5 tasks/s  ETA 2 s  RUNNING}.
 */
final class ProgressBar implements ProgressDisplay {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream terminal;
    private final LongSupplier nanoTime;
    private final Throughput throughput;
    private int lastLength;
    private long lastDrawn;
    private JobProgress lastShown;

    ProgressBar(PrintStream terminal, LongSupplier nanoTime) {
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.throughput = new Throughput(nanoTime);
    }

    @Override
    public synchronized void show(JobProgress job) {
        throughput.observe(job.done());
        long now = nanoTime.getAsLong();
        boolean changed = lastShown == null || !lastShown.status().equals(job.status()) || job.isFinished()
                || job.done() == job.total();
        if (!changed && now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        String line = render(job, throughput.describe(job.done(), job.total(), "  "));
        int padding = Math.max(0, lastLength - line.length());
        terminal.print("\r" + line + " ".repeat(padding));
        terminal.flush();
        lastLength = line.length();
        lastDrawn = now;
        lastShown = job;
    }

    @Override
    public synchronized void finish() {
        if (lastLength > 0) {
            terminal.println();
            terminal.flush();
            lastLength = 0;
        }
    }

    /** The bar for {@code job}, with {@code pace} (e.g. {@code 3.5 tasks/s  ETA 2 s}) when it is not empty. */
    static String render(JobProgress job, String pace) {
        int percent = job.percent();
        int filled = percent < 0 ? 0 : Math.min(100, percent) * WIDTH / 100;
        StringBuilder line = new StringBuilder("job ").append(job.shortId()).append(" [")
                .append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ")
                .append(percent < 0 ? "  ?%" : String.format("%3d%%", percent));
        if (job.total() > 0) {
            line.append("  ").append(job.done()).append('/').append(job.total()).append(" tasks");
        }
        if (!pace.isEmpty()) {
            line.append("  ").append(pace);
        }
        return line.append("  ").append(job.status()).toString();
    }
}
