package io.scatter.messaging.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusScrapeTest {

    private final PrometheusScrape scrape = PrometheusScrape.parse("""
            # HELP scatter_jobs Jobs stored, by status
            # TYPE scatter_jobs gauge
            scatter_jobs{status="RUNNING"} 2.0
            scatter_jobs{status="SUCCEEDED"} 7.0
            jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1024.0
            odd{text="a \\"quoted\\", {braced} value"} 1.0 1700000000000
            process_uptime_seconds 12.5
            """);

    @Test
    void samplesAreFoundByNameAndSomeOfTheirLabels() {
        assertThat(scrape.sum("scatter_jobs", "status", "SUCCEEDED")).isEqualTo(7.0);
        assertThat(scrape.sum("scatter_jobs")).isEqualTo(9.0);
        assertThat(scrape.sum("jvm_memory_used_bytes", "id", "G1 Eden Space")).isEqualTo(1024.0);
        assertThat(scrape.sum("process_uptime_seconds")).isEqualTo(12.5);
    }

    @Test
    void quotedLabelValuesKeepTheirEscapedCharactersAndATimestampIsIgnored() {
        assertThat(scrape.has("odd", "text", "a \"quoted\", {braced} value")).isTrue();
        assertThat(scrape.sum("odd")).isEqualTo(1.0);
    }

    @Test
    void aSeriesNotScrapedSumsToZero() {
        assertThat(scrape.has("scatter_jobs", "status", "FAILED")).isFalse();
        assertThat(scrape.sum("scatter_jobs", "status", "FAILED")).isZero();
    }
}
