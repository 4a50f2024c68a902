package io.scatter.e2e;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drill: SIGKILL a random worker at a random moment, start a replacement, and again, N times
 * ({@code -Dscatter.drill.kills}, default 5) while jobs are computed. Part of the CI subset.
 */
@Tag("drill")
@Tag("ci")
class WorkerSigkillDrillIT {

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void workersKilledAtRandomMomentsLoseNoJobAndCountNoTaskTwice() throws Exception {
        int kills = Integer.getInteger("scatter.drill.kills", 5);
        DrillReport report = Drill.named("worker-sigkill")
                .cluster(ScatterCluster.builder().workers(2).workerConcurrency(2))
                .chaos(drill -> {
                    int midJob = 0;
                    for (int kill = 1; kill <= kills; kill++) {
                        drill.pause(300, 2000);
                        int unfinished = drill.keepBusy();
                        List<ScatterProcess> alive = drill.cluster().workers().stream()
                                .filter(ScatterProcess::isAlive).toList();
                        ScatterProcess victim = alive.get(drill.random().nextInt(alive.size()));
                        victim.kill();
                        midJob += unfinished > 0 ? 1 : 0;
                        drill.note("SIGKILL " + victim.name() + " (pid " + victim.pid() + ") with " + unfinished
                                + " jobs unfinished");
                        drill.cluster().startWorker("worker-" + (2 + kill));
                    }
                    return kills + " kills, " + midJob + " mid-job";
                })
                .run();

        report.assertClean();
    }
}
