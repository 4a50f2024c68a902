package io.scatter.e2e;

import io.scatter.messaging.testing.TestVhost;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

/**
 * Drill: stop the machine's RabbitMQ application ({@code rabbitmqctl stop_app}) at a random moment while jobs are
 * computed, keep it down a random few seconds, start it again; N times ({@code -Dscatter.drill.broker-restarts},
 * default 2). The API, its outbox relay and result consumer, and the workers must all reconnect by themselves. Part of
 * the CI subset.
 */
@Tag("drill")
@Tag("ci")
class BrokerRestartDrillIT {

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void aBrokerRestartedMidJobLosesNoJobAndCountsNoTaskTwice() throws Exception {
        int restarts = Integer.getInteger("scatter.drill.broker-restarts", 2);
        DrillReport report = Drill.named("broker-restart")
                .cluster(ScatterCluster.builder().workers(2).workerConcurrency(1))
                .chaos(drill -> {
                    int midJob = 0;
                    for (int restart = 1; restart <= restarts; restart++) {
                        drill.pause(500, 4000);
                        int unfinished = drill.keepBusy();
                        midJob += unfinished > 0 ? 1 : 0;
                        drill.note("rabbitmqctl stop_app with " + unfinished + " jobs unfinished");
                        try {
                            TestVhost.rabbitmqctl("stop_app");
                            drill.pause(1000, 5000);
                        } finally {
                            TestVhost.rabbitmqctl("start_app");
                            TestVhost.rabbitmqctl("await_startup");
                        }
                        drill.note("RabbitMQ is running again");
                    }
                    return restarts + " restarts, " + midJob + " mid-job";
                })
                .restore(BrokerRestartDrillIT::startBroker)
                .run();

        report.assertClean();
    }

    static void startBroker() {
        TestVhost.rabbitmqctl("start_app");
        TestVhost.rabbitmqctl("await_startup");
    }
}
