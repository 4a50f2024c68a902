package io.scatter.e2e;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

/**
 * Drill: SIGKILL the API at a random moment while jobs are computed — with a job being submitted at about the same
 * moment, retried with its Idempotency-Key until an API accepts it — and start a new API process on the same port
 * after a random pause; N times ({@code -Dscatter.drill.api-kills}, default 2). Outbox rows the killed API had locked
 * roll back and are relayed again, results it had not acked are redelivered; the inbox absorbs the duplicates.
 */
@Tag("drill")
class ApiSigkillDrillIT {

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void anApiKilledMidJobLosesNoJobAndCountsNoTaskTwice() throws Exception {
        int kills = Integer.getInteger("scatter.drill.api-kills", 2);
        DrillReport report = Drill.named("api-sigkill")
                .cluster(ScatterCluster.builder().workers(2).workerConcurrency(1))
                .chaos(drill -> {
                    int midJob = 0;
                    for (int kill = 1; kill <= kills; kill++) {
                        drill.pause(1000, 4000);
                        int unfinished = drill.keepBusy();
                        midJob += unfinished > 0 ? 1 : 0;
                        drill.submitInBackground(Drill.KnownJob.primeCount(2_000_000, "trial-division", 20, 148_933));
                        drill.pause(0, 100);
                        ScatterProcess api = drill.cluster().apis().get(0);
                        api.kill();
                        drill.note("SIGKILL " + api.name() + " (pid " + api.pid() + ") with " + unfinished
                                + " jobs unfinished");
                        drill.pause(500, 3000);
                        ScatterProcess restarted = drill.cluster().restartApi(0, "api-1-restart-" + kill);
                        drill.note(restarted.name() + " answers");
                    }
                    return kills + " kills, " + midJob + " mid-job";
                })
                .evidence(drill -> drill.retriedSubmissions() + " submissions retried")
                .run();

        report.assertClean();
    }
}
