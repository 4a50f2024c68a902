package io.scatter.worker;

import com.rabbitmq.client.ConnectionFactory;
import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.engine.memory.InMemoryTaskTransport;
import io.scatter.engine.transport.TransportException;
import io.scatter.engine.worker.TaskRunner;
import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.MalformedMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.security.CodeSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * A short run without a broker that loads the classes a worker loads on its way to its first task (job types and a
 * small task of each built-in one, the task and result messages through the codec, an AMQP connection attempt), so
 * that the launcher can archive them for class data sharing (AppCDS) and later workers start faster.
 */
final class CdsTraining {

    /** The hidden flag that runs it: {@code --cds-training}, with -XX:ArchiveClassesAtExit on the JVM. */
    static final String FLAG = "--cds-training";

    private static final Duration TRAINING_TIMEOUT = Duration.ofSeconds(60);

    /** Where the classes loaded without being used on the way to the first task are, in the worker's jar. */
    private static final List<String> ARCHIVED_PACKAGES = List.of("com/rabbitmq/client/impl/", "com/rabbitmq/utility/",
            "io/scatter/");

    private static final Logger log = LoggerFactory.getLogger(CdsTraining.class);

    /** A small input of each built-in type; plug-in types are loaded but not computed. */
    private static final Map<String, Map<String, Object>> SAMPLES = Map.of(
            "prime-count", Map.of("from", 1_000_000_000_000L, "to", 1_000_100_000_000L),
            "pi-estimate", Map.of("samples", 10_000),
            "expression", Map.of("expression", "sqrt(2) * (1 + 2) / 3 - max(1, 2)"));

    private CdsTraining() {
    }

    /**
     * Runs the training: false (with a log line) when a sample task did not succeed in time, which leaves a smaller
     * but still valid archive.
     */
    static boolean run(WorkerConfig config, JobTypes jobTypes) throws IOException, TransportException,
            MalformedMessageException, InterruptedException {
        loadClientClasses();
        List<TaskMessage> tasks = new ArrayList<>();
        for (String name : jobTypes.names()) {
            Map<String, Object> input = SAMPLES.get(name);
            if (input != null) {
                tasks.add(WarmUp.firstTask(jobTypes.get(name), input));
            }
        }
        boolean ok = computed(config, jobTypes, tasks);
        connectionAttempt(config);
        WorkerOptions.hostName();
        return ok;
    }

    /** Runs the tasks through a task runner as the worker does, on an in-memory transport. */
    private static boolean computed(WorkerConfig config, JobTypes jobTypes, List<TaskMessage> tasks)
            throws TransportException, MalformedMessageException, InterruptedException {
        List<TaskResultMessage> results = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(tasks.size());
        try (InMemoryTaskTransport transport = new InMemoryTaskTransport();
             TaskRunner runner = new TaskRunner(transport, jobTypes, config.name(), config.concurrency(),
                     Clock.systemUTC())) {
            transport.consumeResults(delivery -> {
                results.add(delivery.result());
                delivery.ack();
                done.countDown();
            });
            runner.start();
            transport.publishTasks(tasks);
            boolean finished = done.await(TRAINING_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            boolean ok = finished;
            for (TaskResultMessage result : results) {
                WarmUp.throughCodec(result, TaskResultMessage.class);
                if (result.outcome() != TaskResultMessage.Outcome.SUCCEEDED) {
                    log.warn("CDS training: {} failed: {}", result.jobType(), result.error());
                    ok = false;
                }
            }
            return ok;
        }
    }

    /**
     * Loads (without initialising) the AMQP client's classes and Scatter's own from the worker's jar: without a broker
     * the training cannot open a connection, so the classes of a live one are loaded this way.
     */
    private static void loadClientClasses() throws IOException {
        CodeSource source = CdsTraining.class.getProtectionDomain().getCodeSource();
        if (source == null || !source.getLocation().getPath().endsWith(".jar")) {
            return;
        }
        ClassLoader loader = CdsTraining.class.getClassLoader();
        try (JarFile jar = new JarFile(new File(URI.create(source.getLocation().toString())))) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String path = entry.getName();
                if (path.endsWith(".class") && ARCHIVED_PACKAGES.stream().anyMatch(path::startsWith)) {
                    String name = path.substring(0, path.length() - ".class".length()).replace('/', '.');
                    try {
                        Class.forName(name, false, loader);
                    } catch (ClassNotFoundException | LinkageError optionalDependency) {
                        log.debug("CDS training: {} not loaded: {}", name, optionalDependency.toString());
                    }
                }
            }
        }
    }

    /** Opens a connection to a loopback port nothing listens on, as far as the refusal. */
    private static void connectionAttempt(WorkerConfig config) throws IOException {
        ConnectionFactory factory = BrokerConnection.factory(config.rabbitmqUri());
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        factory.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        factory.setPort(port);
        factory.setConnectionTimeout(1000);
        factory.setAutomaticRecoveryEnabled(false);
        try {
            factory.newConnection("scatter-worker cds-training").close();
        } catch (IOException | TimeoutException expected) {
            log.debug("CDS training: no broker at port {}, as intended", port);
        }
    }
}
