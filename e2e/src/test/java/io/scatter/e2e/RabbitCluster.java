package io.scatter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Three extra RabbitMQ nodes clustered on this machine, each with its own node name, AMQP and distribution ports and
 * directories under {@code e2e/target/}; they share an Erlang cookie of their own. Closing it stops every node and
 * deletes their data; so does a JVM that exits before. The machine's {@code rabbit@localhost} is never touched.
 */
final class RabbitCluster implements AutoCloseable {

    /** Where {@code rabbitmq-server} is looked for unless {@code -Dscatter.drill.rabbitmq-bin=DIR} says. */
    private static final List<String> SEARCH = List.of("/usr/lib/rabbitmq/bin", "/usr/sbin", "/usr/local/sbin",
            "/opt/rabbitmq/sbin");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final Path root;
    private final List<RabbitNode> nodes;
    private final Thread reaper;

    private RabbitCluster(String id, Path root, List<RabbitNode> nodes) {
        this.id = id;
        this.root = root;
        this.nodes = nodes;
        this.reaper = new Thread(this::killAll, "rabbit-cluster-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** The directory of the {@code rabbitmq-server} and {@code rabbitmqctl} scripts, if RabbitMQ is installed. */
    static Optional<Path> binaries() {
        List<String> candidates = new ArrayList<>();
        Optional.ofNullable(System.getProperty("scatter.drill.rabbitmq-bin")).ifPresent(candidates::add);
        Optional.ofNullable(System.getenv("PATH")).ifPresent(path -> candidates.addAll(List.of(path.split(":"))));
        candidates.addAll(SEARCH);
        for (String candidate : candidates) {
            Path server = Path.of(candidate).resolve("rabbitmq-server");
            if (Files.isExecutable(server)) {
                try {
                    // Debian's /usr/sbin scripts are a wrapper that runs the real ones, beside it, as user rabbitmq.
                    Path directory = server.toRealPath().getParent();
                    if (Files.isExecutable(directory.resolve("rabbitmq-server"))
                            && Files.isExecutable(directory.resolve("rabbitmqctl"))) {
                        return Optional.of(directory);
                    }
                } catch (IOException e) {
                    // try the next candidate
                }
            }
        }
        return Optional.empty();
    }

    /** Starts three nodes, {@code scatter-drill-<id>-a}, {@code -b} and {@code -c}, and joins b and c to a. */
    static RabbitCluster start() throws Exception {
        Path binaries = binaries().orElseThrow(() -> new IllegalStateException("rabbitmq-server is not installed"));
        String id = UUID.randomUUID().toString().substring(0, 4);
        Path root = Files.createDirectories(ScatterProcess.ROOT.resolve("e2e/target/rabbit-cluster-" + id));
        Path home = Files.createDirectories(root.resolve("home"));
        Path cookie = home.resolve(".erlang.cookie");
        Files.writeString(cookie, cookie());
        Files.setPosixFilePermissions(cookie, PosixFilePermissions.fromString("r--------"));
        Set<Integer> ports = new HashSet<>();
        List<RabbitNode> nodes = new ArrayList<>();
        for (String letter : List.of("a", "b", "c")) {
            nodes.add(new RabbitNode("scatter-drill-" + id + "-" + letter + "@localhost", freePort(ports),
                    freePort(ports), root.resolve(letter), home, binaries));
        }
        RabbitCluster cluster = new RabbitCluster(id, root, List.copyOf(nodes));
        try {
            RabbitNode first = nodes.get(0);
            first.start();
            for (RabbitNode node : nodes.subList(1, nodes.size())) {
                node.start();
                node.rabbitmqctl("stop_app");
                node.rabbitmqctl("reset");
                node.rabbitmqctl("join_cluster", first.name());
                node.rabbitmqctl("start_app");
                node.awaitStartup();
            }
            List<String> running = cluster.runningNodes();
            if (running.size() != nodes.size()) {
                throw new IllegalStateException("the cluster runs " + running + " instead of all three nodes");
            }
            return cluster;
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    List<RabbitNode> nodes() {
        return nodes;
    }

    /** The node named {@code name}. */
    RabbitNode node(String name) {
        return nodes.stream().filter(node -> node.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + name + " in " + nodes));
    }

    /** The AMQP URI of {@code vhost} for the guest user, listing every node. */
    String uri(String vhost) {
        return "amqp://guest:guest@" + String.join(",", nodes.stream()
                .map(node -> "127.0.0.1:" + node.amqpPort()).toList()) + "/" + vhost;
    }

    /** A new virtual host on the cluster, {@code scatter-test-<prefix>-<random>}, that the guest user may use. */
    BrokerVhost createVhost(String prefix) {
        String name = "scatter-test-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            rabbitmqctl("add_vhost", name);
            rabbitmqctl("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating " + name, e);
        }
        return new BrokerVhost() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String uri() {
                return RabbitCluster.this.uri(name);
            }

            @Override
            public String rabbitmqctl(String... args) throws InterruptedException {
                return RabbitCluster.this.rabbitmqctl(args);
            }

            @Override
            public void close() throws InterruptedException {
                RabbitCluster.this.rabbitmqctl("delete_vhost", name);
            }
        };
    }

    /** Runs {@code rabbitmqctl args…} on the first node that answers it, so that a stopped node is skipped. */
    String rabbitmqctl(String... args) throws InterruptedException {
        IllegalStateException failed = null;
        for (RabbitNode node : nodes) {
            if (!node.isRunning()) {
                continue;
            }
            try {
                return node.rabbitmqctl(args);
            } catch (IllegalStateException e) {
                failed = e;
            }
        }
        throw failed != null ? failed : new IllegalStateException("no node of the cluster runs");
    }

    /** The nodes of the cluster that run RabbitMQ now, as a running node reports them. */
    List<String> runningNodes() throws Exception {
        JsonNode status = JSON.readTree(rabbitmqctl("cluster_status", "--formatter", "json"));
        List<String> running = new ArrayList<>();
        status.path("running_nodes").forEach(node -> running.add(node.asText()));
        return running;
    }

    /** A quorum queue's leader and members, and which of them are online, as a running node reports them. */
    QuorumQueue quorumQueue(String vhost, String queue) throws Exception {
        JsonNode queues = JSON.readTree(rabbitmqctl("list_queues", "-p", vhost, "name", "type", "leader", "members",
                "online", "--formatter", "json"));
        for (JsonNode found : queues) {
            if (queue.equals(found.path("name").asText())) {
                return new QuorumQueue(queue, found.path("type").asText(), found.path("leader").asText(),
                        texts(found.path("members")), texts(found.path("online")));
            }
        }
        throw new IllegalStateException("no queue " + queue + " in vhost " + vhost);
    }

    /**
     * A quorum queue as RabbitMQ lists it.
     *
     * @param leader  the node of its leader replica
     * @param members the nodes of its replicas
     * @param online  the members that are up
     */
    record QuorumQueue(String name, String type, String leader, List<String> members, List<String> online) {
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    @Override
    public void close() throws Exception {
        for (RabbitNode node : nodes) {
            try {
                node.stop();
            } catch (RuntimeException e) {
                node.kill();
            }
        }
        killStragglers();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // the JVM is exiting, and the hook is running or has run
        }
        deleteRoot();
    }

    /**
     * Kills, and names on stderr, any process still running whose command line names one of this cluster's nodes
     * (unique to it): a node VM, or a {@code rabbitmqctl} that outlived its node.
     */
    private void killStragglers() throws InterruptedException {
        String marker = "scatter-drill-" + id + "-";
        List<ProcessHandle> stragglers = ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .toList();
        for (ProcessHandle straggler : stragglers) {
            System.err.println("killing a leftover process of the RabbitMQ cluster: " + straggler.pid() + " "
                    + straggler.info().commandLine().orElse("?"));
            straggler.destroyForcibly();
        }
        for (ProcessHandle straggler : stragglers) {
            straggler.onExit().completeOnTimeout(straggler, 30, TimeUnit.SECONDS).join();
        }
    }

    /** Kills every node that still runs and deletes the data: the last resort of a JVM that exits. */
    private void killAll() {
        for (RabbitNode node : nodes) {
            try {
                node.kill();
            } catch (InterruptedException | RuntimeException e) {
                // best effort on the way out
            }
        }
        deleteRoot();
    }

    private void deleteRoot() {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("cannot delete " + root + ": " + e);
        }
    }

    private static String cookie() {
        SecureRandom random = new SecureRandom();
        StringBuilder cookie = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            cookie.append((char) ('A' + random.nextInt(26)));
        }
        return cookie.toString();
    }

    private static int freePort(Set<Integer> taken) throws IOException {
        while (true) {
            int port = ScatterProcess.freePort();
            if (taken.add(port)) {
                return port;
            }
        }
    }
}
