package io.scatter.e2e;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Drill: a RabbitMQ cluster of three extra nodes on this machine ({@link RabbitCluster}), the API and two workers
 * connected with the list of all three; mid-job, the node leading the tasks queue is killed or its application
 * stopped, kept down 5–15 s while the other two carry on, and started again ({@link NodeOutage}). Not in the CI subset.
 */
@Tag("drill")
class RabbitClusterDrillIT {

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void aClusterNodeStoppedMidJobLosesNoJobAndCountsNoTaskTwice() throws Exception {
        assumeTrue(RabbitCluster.binaries().isPresent(), "rabbitmq-server is not installed (looked on PATH, in "
                + "/usr/lib/rabbitmq/bin and /usr/sbin; -Dscatter.drill.rabbitmq-bin=DIR names another place): "
                + "the RabbitMQ cluster drill needs it to start three nodes of its own");
        try (RabbitCluster rabbit = RabbitCluster.start()) {
            NodeOutage outage = new NodeOutage(rabbit);
            DrillReport report = Drill.named("rabbitmq-cluster")
                    .cluster(ScatterCluster.builder().workers(2).workerConcurrency(1)
                            .rabbitmq(() -> rabbit.createVhost("e2e")))
                    .chaos(outage::strike)
                    .restore(outage::restore)
                    .check(outage::problems)
                    .evidence(outage::evidence)
                    .run();

            report.assertClean();
        }
    }
}
