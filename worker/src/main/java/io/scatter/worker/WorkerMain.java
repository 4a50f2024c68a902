package io.scatter.worker;

import io.scatter.core.jobtype.JobTypes;
import io.scatter.engine.transport.TransportException;
import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.MalformedMessageException;
import io.scatter.messaging.Settings.UsageException;
import io.scatter.worker.log.LogOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.stream.Stream;

/** The worker process: reads its configuration, runs a {@link Worker} and stops it gracefully on SIGTERM. */
public final class WorkerMain {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private WorkerMain() {
    }

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /**
     * Runs a worker until it is stopped and returns the exit code: 0 when stopped (on SIGTERM the shutdown hook ends
     * the process with 0 itself), 1 when it could not start or the broker ended its consumer (a deleted queue), 2 for
     * bad arguments (one line on {@code err}).
     */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        WorkerOptions options = new WorkerOptions();
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.print(options.usage());
            return OK;
        }
        boolean training = List.of(args).contains(CdsTraining.FLAG);
        WorkerConfig config;
        try {
            config = options.parse(training ? withoutTrainingFlag(args) : args, environment);
        } catch (UsageException e) {
            err.println("scatter-worker: " + e.getMessage() + " (see --help)");
            return USAGE;
        }
        LogOutput.use(config.logFormat());
        JobTypes jobTypes;
        try {
            jobTypes = JobTypes.load(config.plugins());
        } catch (IllegalArgumentException e) {
            err.println("scatter-worker: --plugins: " + e.getMessage() + " (see --help)");
            return USAGE;
        } catch (RuntimeException | ServiceConfigurationError e) {
            err.println("scatter-worker: cannot load the job types: " + e.getMessage());
            return FAILED;
        }
        if (training) {
            return train(config, jobTypes);
        }
        WarmUp.start(jobTypes);
        if (!config.http().enabled()) {
            return runUntilStopped(new Worker(config, jobTypes), config);
        }
        try (WorkerMetrics metrics = new WorkerMetrics(jobTypes, config.name())) {
            Worker worker = new Worker(config, jobTypes, metrics);
            try (WorkerHttpServer ignored = WorkerHttpServer.start(config.http(), metrics::scrape, worker::notLive,
                    worker::notReady)) {
                return runUntilStopped(worker, config);
            } catch (IOException e) {
                LoggerFactory.getLogger(WorkerMain.class).error("Worker {} could not start: {}", config.name(),
                        e.getMessage());
                return FAILED;
            }
        }
    }

    private static String[] withoutTrainingFlag(String[] args) {
        return Stream.of(args).filter(arg -> !arg.equals(CdsTraining.FLAG)).toArray(String[]::new);
    }

    private static int train(WorkerConfig config, JobTypes jobTypes) {
        try {
            return CdsTraining.run(config, jobTypes) ? OK : FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        } catch (IOException | TransportException | MalformedMessageException | RuntimeException e) {
            LoggerFactory.getLogger(WorkerMain.class).warn("CDS training failed: {}", e.toString());
            return FAILED;
        }
    }

    private static int runUntilStopped(Worker worker, WorkerConfig config) {
        Logger log = LoggerFactory.getLogger(WorkerMain.class);
        log.info("Starting worker {} on {} (concurrency {}, shutdown grace {} s, heartbeat every {} s)",
                config.name(), BrokerConnection.redact(config.rabbitmqUri()), config.concurrency(),
                config.grace().toSeconds(), config.heartbeat().toSeconds());
        Thread hook = new Thread(() -> {
            log.info("Received a stop signal");
            worker.close();
            Runtime.getRuntime().halt(OK);
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            worker.start();
            worker.awaitTermination();
            return worker.lost() ? FAILED : OK;
        } catch (TransportException | RuntimeException e) {
            log.error("Worker {} could not start: {}", config.name(), e.toString());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OK;
        } finally {
            worker.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                log.debug("Shutdown in progress; the hook ends the process");
            }
        }
    }
}
