package io.scatter.worker;

import io.scatter.core.jobtype.JobType;
import io.scatter.core.jobtype.JobTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Computes a tiny task of each built-in job type on a background thread while the worker connects to its broker, so
 * that their one-time initialisation (the sieve's pre-sieve patterns above all, a few hundred milliseconds of cold
 * code) overlaps the connection instead of delaying the first task.
 */
final class WarmUp {

    /** A tiny input of each built-in type; plug-in types are not warmed up. */
    static final Map<String, Map<String, Object>> SAMPLES = Map.of(
            "prime-count", Map.of("from", 0, "to", 1000),
            "pi-estimate", Map.of("samples", 1000),
            "expression", Map.of("expression", "sqrt(2) * (1 + 2) / 3 - max(1, 2)"));

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    private WarmUp() {
    }

    /** Starts the warm-up on a daemon thread of low priority and returns it. */
    static Thread start(JobTypes jobTypes) {
        Thread thread = new Thread(() -> run(jobTypes), "warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return thread;
    }

    /** Computes the samples of the built-in types among {@code jobTypes}; true when all succeeded. */
    static boolean run(JobTypes jobTypes) {
        boolean ok = true;
        for (String name : jobTypes.names()) {
            Map<String, Object> input = SAMPLES.get(name);
            if (input != null) {
                ok &= compute(jobTypes.get(name), input);
            }
        }
        return ok;
    }

    private static boolean compute(JobType type, Map<String, Object> input) {
        try {
            type.compute(type.split(type.define(input, Map.of())).get(0));
            return true;
        } catch (RuntimeException e) {
            log.debug("Warm-up of {} failed: {}", type.name(), e.toString());
            return false;
        }
    }
}
