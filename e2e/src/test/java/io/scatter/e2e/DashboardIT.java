package io.scatter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real browser (Debian's headless Chromium) against an API and two worker processes with API
 * keys on: a person enters a key, submits a job through the generated form, watches it reach 100 % with its tasks
 * spread over two worker lanes, cancels a running job, sees the workers and retries a dead letter. Each page's
 * screenshot is saved under {@code e2e/target/dashboard/}.
 */
class DashboardIT {

    /** π(2·10^9), from the published tables of the prime-counting function. */
    private static final long PRIMES_TO_TWO_BILLION = 98_222_287L;
    /** π(10^10). */
    private static final long PRIMES_TO_TEN_BILLION = 455_052_511L;

    private static ScatterCluster cluster;
    private Browser browser;

    @BeforeAll
    static void startCluster() throws Exception {
        String plugin = PoisonDrillIT.drillTypesJar().toString();
        // Only the API knows the drill's poison type, so the workers dead-letter its tasks as of an unknown type.
        cluster = ScatterCluster.builder().workers(2).workerConcurrency(2)
                .apiArgument("--plugins").apiArgument(plugin).start();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void openBrowser() throws IOException {
        browser = Browser.open(cluster.apiBase());
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theDashboardAsksForAnApiKeyAndSaysWhenOneIsRefused() throws IOException {
        browser.go("#/jobs");
        browser.await("the key dialog to open", driver -> browser.find("#key-dialog").getAttribute("open") != null);
        assertThat(browser.find("#key-reason").getText()).isEqualTo("Enter an API key to continue.");
        assertThat(browser.find("#jobs-message").getText()).isEmpty();

        browser.find("#key-input").sendKeys("sk_00000000000000000000000000000000_wrong", Keys.ENTER);
        browser.await("the refusal to be shown", ExpectedConditions.textToBePresentInElementLocated(
                By.id("key-reason"), "The API refused the key"));
        assertThat(browser.find("#key-reason").getText()).contains("not valid");
        browser.screenshot("api-key");

        browser.find("#key-input").sendKeys(cluster.apiKey(), Keys.ENTER);
        browser.await("the dialog to close", driver -> browser.find("#key-dialog").getAttribute("open") == null);
        browser.await("the jobs table", ExpectedConditions.presenceOfElementLocated(By.cssSelector("#job-rows tr")));
        assertThat(browser.script("return sessionStorage.getItem('scatter.apiKey')")).isEqualTo(cluster.apiKey());
        assertThat(browser.script("return localStorage.getItem('scatter.apiKey')")).isNull();
    }

    @Test
    void aJobSubmittedThroughTheFormRunsTo100PercentSpreadOverTwoWorkerLanes() throws Exception {
        signIn("#/submit/prime-count");
        browser.await("the generated form", ExpectedConditions.presenceOfElementLocated(By.id("f-input-from")));
        assertEveryControlIsLabelled();
        assertTextContrastMeetsWcagAa();
        assertThat(new Select(browser.find("#f-options-algorithm")).getFirstSelectedOption().getText())
                .isEqualTo("sieve");
        browser.screenshot("submit");
        browser.script("window.sameDocument = true");

        type("#f-input-from", "0");
        type("#f-input-to", "2000000000");
        browser.find("#f-options-tasks").sendKeys("32", Keys.ENTER);

        browser.await("the job's page", driver -> driver.getCurrentUrl().matches(".*#/jobs/[0-9a-f-]{36}$"));
        String id = browser.driver().getCurrentUrl().replaceAll(".*#/jobs/", "");
        browser.await("the job to reach 100 %", driver ->
                "100".equals(browser.find("#job-summary [role=progressbar]").getAttribute("aria-valuenow")));
        browser.await("every task on the timeline", driver -> browser.findAll("#timeline g.task").size() == 32);
        browser.await("the result", ExpectedConditions.presenceOfElementLocated(By.id("job-result")));
        assertThat(browser.find("#job-result").getText()).contains("\"count\": " + PRIMES_TO_TWO_BILLION);
        assertThat(cluster.job(id).get("result").get("count").asLong()).isEqualTo(PRIMES_TO_TWO_BILLION);
        assertThat(browser.find("#progress-detail").getText()).isEqualTo("32 of 32 tasks done");
        assertThat(lanes()).containsExactly("worker-1", "worker-2");
        assertThat(browser.findAll("#worker-summary tbody tr").stream()
                .mapToInt(row -> Integer.parseInt(row.findElements(By.tagName("td")).get(0).getText())).sum())
                .isEqualTo(32);
        assertThat(browser.find("#live-mode").getText()).isEqualTo("live");
        assertTextContrastMeetsWcagAa();
        assertThat(browser.script("return window.sameDocument === true")).as("no page reload").isEqualTo(true);
        browser.screenshot("job");

        browser.navigate("#/jobs");
        browser.await("the job in the list", ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#job-rows tr[data-job='" + id + "'][data-status='SUCCEEDED']")));
        browser.await("its progress bar full", driver -> "100".equals(
                browser.find("#job-rows tr[data-job='" + id + "'] [role=progressbar]").getAttribute("aria-valuenow")));
        browser.screenshot("jobs");
        new Select(browser.find("#status-filter")).selectByVisibleText("CANCELLED");
        browser.await("the cancelled jobs", driver -> driver.getCurrentUrl().endsWith("#/jobs?status=CANCELLED")
                && browser.findAll("#job-rows tr[data-job='" + id + "']").isEmpty());
        browser.await("only cancelled jobs listed", driver -> browser.findAll("#job-rows tr[data-job]").stream()
                .allMatch(row -> "CANCELLED".equals(row.getAttribute("data-status"))));

        browser.resize(390, 844);
        browser.navigate("#/jobs/" + id);
        browser.await("the job's timeline on a phone", driver -> browser.findAll("#timeline g.task").size() == 32);
        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("the page fits a phone's width").isEqualTo(true);
        browser.screenshot("job-phone");
    }

    @Test
    void whereTheEventStreamsCannotBeHadThePagesPollAndStillFollowAJobToItsEnd() throws Exception {
        browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                const realFetch = window.fetch;
                window.fetch = (input, init) => String(input).includes('/events')
                  ? Promise.resolve(new Response('{"status":404,"title":"Not Found"}',
                      {status: 404, headers: {'Content-Type': 'application/problem+json'}}))
                  : realFetch(input, init);
                """));
        String id = cluster.submit(
                "{\"type\":\"prime-count\",\"input\":{\"from\":0,\"to\":10000000000},\"options\":{\"tasks\":40}}");
        signIn("#/jobs/" + id);
        browser.script("window.sameDocument = true");

        browser.await("the page to poll", ExpectedConditions.textToBe(By.id("live-mode"), "polling"));
        browser.await("the job to reach 100 %", driver ->
                "100".equals(browser.find("#job-summary [role=progressbar]").getAttribute("aria-valuenow")));
        browser.await("the result", ExpectedConditions.presenceOfElementLocated(By.id("job-result")));
        assertThat(browser.find("#job-result").getText()).contains("\"count\": " + PRIMES_TO_TEN_BILLION);
        browser.await("every task on the timeline", driver -> browser.findAll("#timeline g.task").size() == 40);
        assertThat(browser.script("return window.sameDocument === true")).as("no page reload").isEqualTo(true);

        browser.navigate("#/jobs");
        browser.await("the job in the polled list", ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#job-rows tr[data-job='" + id + "'][data-status='SUCCEEDED']")));
        assertThat(browser.find("#live-mode").getText()).isEqualTo("polling");
    }

    @Test
    void aBadInputIsRefusedWithTheApisMessageNextToTheForm() throws Exception {
        signIn("#/submit/prime-count");
        browser.await("the generated form", ExpectedConditions.presenceOfElementLocated(By.id("f-input-from")));
        type("#f-input-from", "10");
        browser.find("#f-input-to").sendKeys("5", Keys.ENTER);

        browser.await("the API's problem", ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#submit-message [role=alert]")));
        assertThat(browser.find("#submit-message").getText())
                .isEqualTo("input.from (10) must not be greater than input.to (5)");
        assertThat(browser.find("#f-input-from").getAttribute("aria-invalid")).as("the field the problem names")
                .isEqualTo("true");
        assertThat(browser.driver().getCurrentUrl()).endsWith("#/submit/prime-count");
    }

    @Test
    void aRunningJobIsCancelledFromItsPageWhileTheWorkersPageShowsTheirTasks() throws Exception {
        String id = cluster.submit("{\"type\":\"prime-count\",\"input\":{\"from\":0,\"to\":1000000000000},"
                + "\"options\":{\"tasks\":2000}}");
        cluster.awaitTasksDone(id, 8);
        signIn("#/workers");
        browser.await("both workers busy", driver -> browser.findAll("#worker-rows tr[data-worker] li").size() >= 2
                && browser.findAll("#worker-rows tr[data-worker]").size() == 2);
        assertThat(browser.findAll("#worker-rows .status-alive")).hasSize(2);
        assertEveryControlIsLabelled();
        assertTextContrastMeetsWcagAa();
        browser.screenshot("workers");

        browser.navigate("#/jobs/" + id);
        browser.await("a timeline with both workers", driver -> lanes().size() == 2);
        browser.await("the job running", ExpectedConditions.textToBe(By.cssSelector(".page-head .status"), "RUNNING"));
        browser.screenshot("job-running");

        browser.await("the cancel button", ExpectedConditions.elementToBeClickable(By.id("cancel-job"))).click();
        browser.await("the confirmation", ExpectedConditions.alertIsPresent()).accept();
        browser.await("the job cancelled", ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".page-head .status"), "CANCELLED"));
        assertThat(browser.find("#cancel-job").isDisplayed()).isFalse();
        assertThat(cluster.job(id).get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void aDeadLetteredTaskIsListedWithItsReasonAndRetriedFromTheDeadLettersPage() throws Exception {
        String id = cluster.submit("{\"type\":\"poison\",\"input\":{\"tasks\":1,\"poisoned\":0}}");
        JsonNode failed = cluster.awaitFinished(id);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");

        signIn("#/dead-letters");
        // The page refreshes its rows every 5 s, so each look at the row finds it afresh (a stale one is retried).
        String reason = browser.await("the dead letter", driver -> deadLetterRow(id)
                .map(row -> row.findElement(By.className("reason")).getText()).orElse(null));
        assertThat(reason).contains("unknown job type 'poison'");
        assertTextContrastMeetsWcagAa();
        browser.screenshot("dead-letters");

        browser.await("the retry button pressed", driver -> {
            deadLetterRow(id).orElseThrow().findElement(By.cssSelector("button.retry")).click();
            return true;
        });
        browser.await("the retry's confirmation", ExpectedConditions.textToBePresentInElementLocated(
                By.id("dead-letters-message"), "queued again"));
        assertThat(browser.find("#dead-letters-message").getText()).contains("the job is RUNNING");
    }

    private void signIn(String hash) {
        browser.go(hash);
        browser.await("the key dialog to open", driver -> browser.find("#key-dialog").getAttribute("open") != null);
        browser.find("#key-input").sendKeys(cluster.apiKey(), Keys.ENTER);
        browser.await("the dialog to close", driver -> browser.find("#key-dialog").getAttribute("open") == null);
    }

    private Optional<WebElement> deadLetterRow(String jobId) {
        return browser.findAll("#dead-letter-rows tr[data-dead-letter]").stream()
                .filter(row -> row.getText().contains(jobId.substring(0, 8))).findFirst();
    }

    private void type(String css, String text) {
        WebElement input = browser.find(css);
        input.clear();
        input.sendKeys(text);
    }

    private List<String> lanes() {
        return browser.findAll("#timeline g.lane").stream().map(lane -> lane.getAttribute("data-worker")).toList();
    }

    /**
     * Every piece of text the page shows has a contrast ratio of at least 4.5:1 with the background behind it (WCAG
     * 2.x AA for normal text), computed from the colours the browser rendered; text in SVG charts and on disabled
     * buttons is left out.
     */
    private void assertTextContrastMeetsWcagAa() {
        @SuppressWarnings("unchecked")
        List<String> tooFaint = (List<String>) browser.script("""
                const rgba = (css) => {
                  const parts = css.match(/rgba?\\(([^)]+)\\)/)[1].split(',').map(parseFloat);
                  return { rgb: parts.slice(0, 3), alpha: parts.length > 3 ? parts[3] : 1 };
                };
                const luminance = (rgb) => rgb.map((v) => v / 255)
                  .map((v) => (v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)))
                  .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
                const background = (element) => {
                  for (let e = element; e; e = e.parentElement) {
                    const colour = rgba(getComputedStyle(e).backgroundColor);
                    if (colour.alpha > 0.99) return colour.rgb;
                  }
                  return [255, 255, 255];
                };
                const faint = [];
                for (const element of document.querySelectorAll('body *')) {
                  const text = [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
                  if (!(element instanceof HTMLElement) || !text || element.getClientRects().length === 0
                      || element.closest('button:disabled')) continue;
                  const a = luminance(rgba(getComputedStyle(element).color).rgb);
                  const b = luminance(background(element));
                  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                  if (ratio < 4.5) {
                    faint.push(`${element.tagName} "${element.textContent.trim().slice(0, 30)}": ${ratio.toFixed(2)}`);
                  }
                }
                return faint;
                """);
        assertThat(tooFaint).isEmpty();
    }

    /** Every form control of the page has a label (or an aria-label) that a screen reader can name it by. */
    private void assertEveryControlIsLabelled() {
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) browser.script("return [...document.querySelectorAll("
                + "'input, select, textarea')].filter(e => e.type !== 'hidden' && e.labels.length === 0 "
                + "&& !e.getAttribute('aria-label')).map(e => e.id || e.name || e.outerHTML)");
        assertThat(unlabelled).isEmpty();
    }
}
