package io.scatter.engine.worker;

/**
 * Which tasks a worker computes side by side: ordinary tasks share the worker; a task whose earlier deliveries ended
 * unsettled — perhaps because it kills the process computing it — runs alone, one at a time, so that no other task
 * dies with it. A task that cannot enter now is deferred by the caller.
 */
final class Isolation {

    private int shared;
    private boolean alone;

    /** Says whether an ordinary task may start; it may not while a task runs or waits to run alone. */
    synchronized boolean enterShared() {
        if (alone) {
            return false;
        }
        shared++;
        return true;
    }

    synchronized void exitShared() {
        shared--;
        notifyAll();
    }

    /** Claims the right to run alone; says whether this caller has it (only one task at a time has). */
    synchronized boolean enterAlone() {
        if (alone) {
            return false;
        }
        alone = true;
        return true;
    }

    /** After {@link #enterAlone()}: waits until the ordinary tasks running have ended. */
    synchronized void awaitOthers() throws InterruptedException {
        while (shared > 0) {
            wait();
        }
    }

    synchronized void exitAlone() {
        alone = false;
    }
}
