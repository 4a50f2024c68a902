package io.scatter.cli;

import java.io.PrintStream;
import java.util.OptionalInt;

/** A one-line progress bar redrawn in place on a terminal, e.g. {@code job 3f2a… [#######-----]  58%  7/12 RUNNING}. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream terminal;
    private int lastLength;

    ProgressBar(PrintStream terminal) {
        this.terminal = terminal;
    }

    void show(String jobId, JobView job) {
        String line = render(jobId, job);
        int padding = Math.max(0, lastLength - line.length());
        terminal.print("\r" + line + " ".repeat(padding));
        terminal.flush();
        lastLength = line.length();
    }

    /** Moves past the bar, so that what follows starts on a fresh line. */
    void finish() {
        if (lastLength > 0) {
            terminal.println();
            lastLength = 0;
        }
    }

    static String render(String jobId, JobView job) {
        OptionalInt percent = job.percent();
        int filled = percent.isPresent() ? percent.getAsInt() * WIDTH / 100 : 0;
        StringBuilder line = new StringBuilder("job ").append(shortId(jobId)).append(" [")
                .append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ")
                .append(percent.isPresent() ? String.format("%3d%%", percent.getAsInt()) : "  ?%");
        if (job.tasksDone().isPresent() && job.tasksTotal().isPresent()) {
            line.append("  ").append(job.tasksDone().getAsInt()).append('/').append(job.tasksTotal().getAsInt())
                    .append(" tasks");
        }
        return line.append("  ").append(job.status()).toString();
    }

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }
}
