package io.scatter.head;

import io.scatter.api.auth.AuthMode;
import io.scatter.messaging.Settings.UsageException;
import io.scatter.worker.log.LogOutput;
import org.apache.catalina.webresources.TomcatURLStreamHandlerFactory;
import org.apache.qpid.server.util.urlstreamhandler.classpath.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import sun.misc.Signal;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code scatter serve} process: runs a {@link HeadNode} until SIGTERM or SIGINT, then stops its parts in order
 * and exits 0. Exits 1 when a part does not start, 2 for bad arguments.
 */
public final class ServeMain {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private ServeMain() {
    }

    public static void main(String[] args) {
        // logging until Spring takes over with the same file (it warns about the property, so it is gone by then)
        System.setProperty("logback.configurationFile", HeadNode.LOGGING_CONFIG.substring("classpath:".length()));
        LoggerFactory.getLogger(ServeMain.class);
        System.clearProperty("logback.configurationFile");
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        resolveClasspathUrls();
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /**
     * Lets {@code classpath:} URLs, which the embedded broker reads its defaults from, resolve in this jar's class
     * loader: the broker registers its handler by package name, which the JDK only looks up in the system class
     * loader, and this jar's libraries are not there. Tomcat owns the JVM's one URL handler factory and takes others
     * in.
     */
    private static void resolveClasspathUrls() {
        TomcatURLStreamHandlerFactory.getInstance()
                .addUserFactory(protocol -> "classpath".equals(protocol) ? new Handler() : null);
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.print(HeadOptions.usage());
            return OK;
        }
        HeadConfig config;
        try {
            config = HeadOptions.parse(args, environment);
        } catch (UsageException e) {
            err.println("scatter serve: " + e.getMessage() + " (see --help)");
            return USAGE;
        }
        LogOutput.use(config.logFormat());
        Logger log = LoggerFactory.getLogger(ServeMain.class);
        HeadNode node = new HeadNode(config);
        stopOnSignals(node, log);
        try {
            node.start();
        } catch (HeadNodeStartException e) {
            log.error("The head node did not start: {}", e.getMessage());
            err.println("scatter serve: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OK;
        }
        if (!config.loopbackOnly() && "guest".equals(config.brokerPassword())) {
            log.warn("The broker listens on {} with the default password; set SCATTER_BROKER_PASSWORD (here and on "
                    + "the workers) on a network you do not trust", config.bind());
        }
        if (config.auth() == AuthMode.API_KEY) {
            log.info("The API needs an API key: export SCATTER_API_KEY=$(cat {}) for the CLI, or send it as "
                    + "Authorization: Bearer; --auth none turns this off on a trusted network", config.apiKeyFile());
        }
        log.info("Head node ready in {} s: API on http://{}:{}, dashboard at http://{}:{}/, broker on {}:{}, {} local "
                        + "worker thread(s), data in {}. Join from another machine with: scatter worker --connect "
                        + "THIS_HOST:{}", sinceStart(), config.bind(), node.httpPort(), browsable(config.bind()),
                node.httpPort(), config.bind(), node.amqpPort(), config.workers(),
                config.dataDirectory(), node.amqpPort());
        try {
            node.awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }

    /** Seconds since this process started, to one decimal. */
    /** Where a browser on this machine finds an API bound to {@code bind}: the wildcard address is not one. */
    private static String browsable(String bind) {
        return "0.0.0.0".equals(bind) || "::".equals(bind) ? "localhost" : bind;
    }

    private static String sinceStart() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> String.format(Locale.ROOT, "%.1f", Duration.between(start, Instant.now()).toMillis()
                        / 1000.0))
                .orElse("?");
    }

    /**
     * SIGTERM and SIGINT stop the node in order, then exit: handled here rather than in a shutdown hook, because
     * shutdown hooks run concurrently and the embedded PostgreSQL registers one of its own that would stop the
     * database under the draining API. A hook still stops the node on any other exit.
     */
    private static void stopOnSignals(HeadNode node, Logger log) {
        for (String name : List.of("TERM", "INT")) {
            Signal.handle(new Signal(name), signal -> {
                log.info("Received SIG{}", signal.getName());
                node.close();
                Runtime.getRuntime().exit(OK);
            });
        }
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "head-node-shutdown"));
    }
}
