package io.scatter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scatter.contracts.Channels;
import io.scatter.e2e.RabbitCluster.QuorumQueue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The chaos of the RabbitMQ cluster drill: stops the node that leads the tasks queue — its Erlang VM killed with
 * SIGKILL, or its application stopped with {@code rabbitmqctl stop_app}, as the seed decides — keeps it down a random
 * 5–15 s while the other two carry on, then starts it again and waits until it has rejoined.
 */
final class NodeOutage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REJOIN_TIMEOUT = Duration.ofMinutes(2);
    private static final List<String> WORK_QUEUES = List.of(Channels.TASKS_QUEUE, Channels.RESULTS_QUEUE);

    private final RabbitCluster rabbit;
    private final List<String> problems = new ArrayList<>();
    private RabbitNode victim;
    private boolean killed;
    private long tasksDoneWhileDown = -1;

    NodeOutage(RabbitCluster rabbit) {
        this.rabbit = rabbit;
    }

    /** Strikes once, mid-job; returns what it did and saw, for the report line. */
    String strike(Drill.Context drill) throws Exception {
        String vhost = drill.cluster().vhost().name();
        for (String queue : WORK_QUEUES) {
            QuorumQueue declared = rabbit.quorumQueue(vhost, queue);
            drill.note(queue + ": " + declared);
            if (!declared.type().equals("quorum") || declared.members().size() != rabbit.nodes().size()) {
                problems.add(queue + " is not a quorum queue with a replica on each of the "
                        + rabbit.nodes().size() + " nodes: " + declared);
            }
        }
        drill.pause(1000, 6000);
        killed = drill.random().nextBoolean();
        int downMillis = 5000 + drill.random().nextInt(10_001);
        int unfinished = drill.keepBusy();
        QuorumQueue before = rabbit.quorumQueue(vhost, Channels.TASKS_QUEUE);
        victim = rabbit.node(before.leader());
        List<String> clients = clientsOn(drill, victim);
        long doneBefore = tasksDone(drill);
        long stopped = System.nanoTime();
        if (killed) {
            victim.kill();
        } else {
            victim.rabbitmqctl("stop_app");
        }
        drill.note((killed ? "SIGKILL " : "rabbitmqctl stop_app ") + victim.name() + ", leader of "
                + Channels.TASKS_QUEUE + ", with " + unfinished + " jobs unfinished; clients on it: " + clients);
        String newLeader = "none";
        double elected = 0;
        try {
            long until = stopped + downMillis * 1_000_000L;
            while (System.nanoTime() < until) {
                if (newLeader.equals("none")) {
                    String leader = leaderWithout(vhost, victim);
                    if (leader != null) {
                        newLeader = leader;
                        elected = (System.nanoTime() - stopped) / 1e9;
                        drill.note("new leader of " + Channels.TASKS_QUEUE + ": " + leader);
                    }
                }
                Thread.sleep(Math.max(0, Math.min(500, (until - System.nanoTime()) / 1_000_000)));
            }
            tasksDoneWhileDown = tasksDone(drill) - doneBefore;
        } finally {
            restore();
        }
        double down = (System.nanoTime() - stopped) / 1e9;
        QuorumQueue after = Poll.until(victim.name() + " to rejoin " + Channels.TASKS_QUEUE, REJOIN_TIMEOUT,
                () -> rabbit.quorumQueue(vhost, Channels.TASKS_QUEUE),
                queue -> queue.online().containsAll(queue.members()) && queue.members().contains(victim.name()));
        double rejoined = (System.nanoTime() - stopped) / 1e9 - down;
        drill.note(victim.name() + " rejoined; " + Channels.TASKS_QUEUE + ": " + after + "; " + tasksDoneWhileDown
                + " tasks done while it was down");
        return String.format(Locale.ROOT, "%s of node %s (leader of %s, %d replicas) for %.1f s with %d jobs "
                        + "unfinished, clients on it: %s, new leader %s after %.1f s, %d tasks done meanwhile, "
                        + "rejoined in %.1f s",
                killed ? "SIGKILL" : "stop_app", victim.shortName(), Channels.TASKS_QUEUE, before.members().size(),
                down, unfinished, clients.isEmpty() ? "none" : String.join(" + ", clients), shortName(newLeader),
                elected, tasksDoneWhileDown, rejoined);
    }

    /** Starts the stopped node again, if one is stopped; runs even when the chaos failed. */
    void restore() throws Exception {
        if (victim == null) {
            return;
        }
        if (victim.isRunning()) {
            victim.rabbitmqctl("start_app");
            victim.awaitStartup();
        } else {
            victim.start();
        }
    }

    /** What went wrong beyond the jobs: replicas missing, or no task done while the node was down. */
    List<String> problems(Drill.Context drill) throws Exception {
        List<String> found = new ArrayList<>(problems);
        if (tasksDoneWhileDown == 0) {
            found.add("no task was done while " + victim.name() + " was down: the other two nodes did not carry on");
        }
        List<String> running = rabbit.runningNodes();
        if (running.size() != rabbit.nodes().size()) {
            found.add("the cluster runs " + running + " at the end, not all three nodes");
        }
        return found;
    }

    /** How many connections recovered onto another node, as the API's and workers' logs tell. */
    String evidence(Drill.Context drill) throws Exception {
        return drill.logLines("", "recovered: connected to RabbitMQ at") + " connections recovered";
    }

    /** The names of the clients of this cluster's virtual host connected to {@code node}. */
    private List<String> clientsOn(Drill.Context drill, RabbitNode node) throws Exception {
        JsonNode connections = JSON.readTree(rabbit.rabbitmqctl("list_connections", "name", "vhost",
                "client_properties", "--formatter", "json"));
        List<String> names = new ArrayList<>();
        for (JsonNode connection : connections) {
            if (drill.cluster().vhost().name().equals(connection.path("vhost").asText())
                    && connection.path("name").asText().endsWith(":" + node.amqpPort())) {
                names.add(connectionName(connection.path("client_properties")));
            }
        }
        return names;
    }

    private static String connectionName(JsonNode properties) {
        if (properties.has("connection_name")) {
            return properties.get("connection_name").asText();
        }
        for (JsonNode property : properties) {
            if (property.isArray() && property.size() > 0 && property.get(0).asText().equals("connection_name")) {
                return property.get(property.size() - 1).asText();
            }
        }
        return "unnamed";
    }

    /** The leader of the tasks queue if it is another node than {@code down}, else null. */
    private String leaderWithout(String vhost, RabbitNode down) throws InterruptedException {
        try {
            String leader = rabbit.quorumQueue(vhost, Channels.TASKS_QUEUE).leader();
            return leader.isEmpty() || leader.equals(down.name()) ? null : leader;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return null;
        }
    }

    private static long tasksDone(Drill.Context drill) throws SQLException {
        try (Connection db = DriverManager.getConnection(drill.cluster().databaseUrl(), "postgres", "");
             Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM tasks WHERE status = 'SUCCEEDED'")) {
            row.next();
            return row.getLong(1);
        }
    }

    private String shortName(String node) {
        return rabbit.nodes().stream().filter(candidate -> candidate.name().equals(node)).findFirst()
                .map(RabbitNode::shortName).orElse(node);
    }
}
