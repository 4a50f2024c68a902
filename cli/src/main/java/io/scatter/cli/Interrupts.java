package io.scatter.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Ctrl-C while a local job runs: a shutdown hook cancels the job, waits for the command to report it (the job ends
 * CANCELLED, so exit code 1) and then ends the process with the command's exit code instead of the signal's. A Ctrl-C
 * at any other moment ends the process as usual.
 */
final class Interrupts {

    static final long GRACE_SECONDS = 10;

    private final AtomicReference<Runnable> onInterrupt = new AtomicReference<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final IntConsumer halt;
    private volatile int exitCode = ExitCodes.FAILED;

    /** {@code halt} ends the process with a code (Runtime::halt, or a fake in tests). */
    Interrupts(IntConsumer halt) {
        this.halt = halt;
    }

    /** Interrupts for this process, with the shutdown hook registered. */
    static Interrupts install() {
        Interrupts interrupts = new Interrupts(code -> Runtime.getRuntime().halt(code));
        Runtime.getRuntime().addShutdownHook(new Thread(interrupts::shutdown, "scatter-ctrl-c"));
        return interrupts;
    }

    /** Interrupts with no hook: nothing ever calls {@link #shutdown} (tests, embedding). */
    static Interrupts ignored() {
        return new Interrupts(code -> {
        });
    }

    /** Until the returned registration is closed, Ctrl-C calls {@code cancel}. */
    Registration cancelOnInterrupt(Runnable cancel) {
        onInterrupt.set(cancel);
        return () -> onInterrupt.compareAndSet(cancel, null);
    }

    /** The command ended with {@code code} and printed everything; a waiting shutdown hook may end the process. */
    void finished(int code) {
        exitCode = code;
        finished.countDown();
    }

    /** The shutdown hook's work. */
    void shutdown() {
        Runnable cancel = onInterrupt.getAndSet(null);
        if (cancel == null) {
            return;
        }
        cancel.run();
        try {
            halt.accept(finished.await(GRACE_SECONDS, TimeUnit.SECONDS) ? exitCode : ExitCodes.FAILED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            halt.accept(ExitCodes.FAILED);
        }
    }

    /** A registration of a cancel action; closing it twice is harmless. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
