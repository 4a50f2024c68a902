package io.scatter.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressDisplayTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong clock = new AtomicLong(1_000 * MS);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void theBarShowsPercentTasksRateEtaAndStatus() {
        assertThat(ProgressBar.render(running(5), "2.5 tasks/s  ETA 2 s"))
                .isEqualTo("job 3f2a9c4e [###############---------------]  50%  5/10 tasks  2.5 tasks/s  ETA 2 s"
                        + "  RUNNING");
        assertThat(ProgressBar.render(new JobProgress("3f2a9c4e-0b1d", "QUEUED", 0, 0, -1), ""))
                .isEqualTo("job 3f2a9c4e [------------------------------]   ?%  QUEUED");
    }

    @Test
    void theBarIsRedrawnInPlaceAtMostTenTimesASecondButAlwaysAtTheEnd() {
        ProgressBar bar = new ProgressBar(stream, clock::get);

        bar.show(running(0));
        clock.addAndGet(50 * MS);
        bar.show(running(1));
        clock.addAndGet(950 * MS);
        bar.show(running(4));
        bar.show(new JobProgress("3f2a9c4e-0b1d", "SUCCEEDED", 10, 10, 100));
        bar.finish();

        String[] frames = output().split("\r");
        assertThat(frames).hasSize(4);
        assertThat(frames[1]).startsWith("job 3f2a9c4e [").contains("0/10 tasks").doesNotContain("tasks/s");
        assertThat(frames[2]).contains(" 40%  4/10 tasks  4.0 tasks/s  ETA 2 s  RUNNING");
        assertThat(frames[3]).contains("100%  10/10 tasks  10.0 tasks/s  SUCCEEDED").endsWith("\n");
    }

    @Test
    void aShorterRedrawBlanksTheRestOfTheLongerOne() {
        ProgressBar bar = new ProgressBar(stream, clock::get);

        bar.show(running(0));
        clock.addAndGet(500 * MS);
        bar.show(running(1));
        clock.addAndGet(500 * MS);
        bar.show(new JobProgress("3f2a9c4e-0b1d", "FAILED", 1, 10, 10));

        String[] frames = output().split("\r");
        assertThat(frames[3]).hasSameSizeAs(frames[2]).contains("FAILED ");
    }

    @Test
    void plainLinesComeOnceASecondAndNotForTheEnd() {
        ProgressLines lines = new ProgressLines(stream, clock::get);

        lines.show(running(0));
        clock.addAndGet(400 * MS);
        lines.show(running(2));
        clock.addAndGet(600 * MS);
        lines.show(running(5));
        clock.addAndGet(500 * MS);
        lines.show(running(6));
        clock.addAndGet(500 * MS);
        lines.show(new JobProgress("3f2a9c4e-0b1d", "SUCCEEDED", 10, 10, 100));
        lines.finish();

        assertThat(output()).isEqualTo("job 3f2a9c4e: 5/10 tasks (50%), 5.0 tasks/s, ETA 1 s\n");
    }

    @Test
    void theRateIsMeasuredFromTheFirstReportSoWatchingALateJobIsFair() {
        Throughput throughput = new Throughput(clock::get);

        throughput.observe(50);
        assertThat(throughput.rate(50)).isEmpty();
        clock.addAndGet(2_000 * MS);

        assertThat(throughput.rate(60)).hasValue(5.0);
        assertThat(throughput.eta(60, 100)).contains(Duration.ofSeconds(8));
        assertThat(throughput.eta(100, 100)).isEmpty();
        assertThat(throughput.describe(60, 100, ", ")).isEqualTo("5.0 tasks/s, ETA 8 s");
        assertThat(throughput.describe(50_000, 100_000, ", ")).isEqualTo("24975 tasks/s, ETA 3 s");
    }

    @Test
    void durationsReadNaturally() {
        assertThat(Durations.elapsed(Duration.ofMillis(210))).isEqualTo("0.21 s");
        assertThat(Durations.elapsed(Duration.ofMillis(12_345))).isEqualTo("12.3 s");
        assertThat(Durations.elapsed(Duration.ofSeconds(125))).isEqualTo("2 min 5 s");
        assertThat(Durations.elapsed(Duration.ofMinutes(62))).isEqualTo("1 h 2 min");
        assertThat(Durations.remaining(Duration.ofMillis(1))).isEqualTo("1 s");
        assertThat(Durations.remaining(Duration.ofMillis(59_500))).isEqualTo("1 min");
        assertThat(Durations.elapsed(Duration.ofHours(2))).isEqualTo("2 h");
        assertThat(Durations.remaining(Duration.ofSeconds(61))).isEqualTo("1 min 1 s");
    }

    private static JobProgress running(int done) {
        return new JobProgress("3f2a9c4e-0b1d", "RUNNING", done, 10, done * 10);
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
