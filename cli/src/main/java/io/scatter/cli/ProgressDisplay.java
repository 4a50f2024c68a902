package io.scatter.cli;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * Where a job's progress is shown while a command waits for it: a bar redrawn in place on a terminal, a plain line
 * at most every second otherwise. Both write to stderr, so stdout carries only the answer. Safe to call from several
 * threads.
 */
interface ProgressDisplay {

    /** Shows nothing. */
    ProgressDisplay NONE = new ProgressDisplay() {
        @Override
        public void show(JobProgress job) {
        }

        @Override
        public void finish() {
        }
    };

    void show(JobProgress job);

    /** Done showing: what is printed next starts on a fresh line. */
    void finish();

    /** A {@link ProgressBar} when {@code terminal}, else {@link ProgressLines}. */
    static ProgressDisplay on(PrintStream stream, boolean terminal, LongSupplier nanoTime) {
        return terminal ? new ProgressBar(stream, nanoTime) : new ProgressLines(stream, nanoTime);
    }
}
