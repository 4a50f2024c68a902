package io.scatter.api.dashboard;

import io.scatter.api.testing.ApiClient;
import io.scatter.api.testing.ApiClient.Response;
import io.scatter.api.testing.ApiEnvironment;
import io.scatter.api.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's page and files are served at {@code /} to anyone (they hold no data: the page asks for a key and
 * sends it with its API calls), with headers that let it load nothing but this origin, and they name no other host.
 */
@ApiTest
class DashboardAssetsTest {

    static final ApiEnvironment environment = ApiEnvironment.withoutBroker();
    private static final Path ASSETS = Path.of("src/main/resources/static");
    /** The only absolute URL the files may hold: the SVG namespace, a name that is never fetched. */
    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        environment.register(registry);
        registry.add("scatter.auth.mode", () -> "api-key");
    }

    private final ApiClient api;

    @Autowired
    DashboardAssetsTest(@LocalServerPort int port) {
        this.api = new ApiClient(port);
    }

    @Test
    void thePageIsServedAtTheRootWithoutAKeyWhileTheApiStillWantsOne() {
        Response page = api.send("GET", "/", null, null, java.util.Map.of("Accept", "text/html"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<script type=\"module\" src=\"dashboard/app.js\"></script>")
                .contains("id=\"key-dialog\"");
        assertThat(api.get("/api/v1/jobs").status()).isEqualTo(401);
    }

    @Test
    void everyFileTheDashboardLoadsIsServedWithAPolicyAllowingOnlyThisOrigin() throws IOException {
        for (String file : assets()) {
            Response response = api.get("/" + file);

            assertThat(response.status()).as(file).isEqualTo(200);
            assertThat(response.header("Content-Security-Policy")).as(file)
                    .hasValue(DashboardHeaders.CONTENT_SECURITY_POLICY);
            assertThat(response.header("X-Content-Type-Options")).as(file).hasValue("nosniff");
            assertThat(response.header("Cache-Control")).as(file).hasValue("no-cache");
        }
        assertThat(api.get("/dashboard/app.js").contentType()).startsWith("text/javascript");
        assertThat(api.get("/dashboard/app.css").contentType()).startsWith("text/css");
    }

    @Test
    void theFilesNameNoOtherHostSoTheDashboardWorksWithoutInternet() throws IOException {
        Pattern url = Pattern.compile("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}[^\\s'\"`)]*");
        for (String file : assets()) {
            String text = Files.readString(ASSETS.resolve(file));
            Matcher found = url.matcher(text);
            while (found.find()) {
                assertThat(found.group()).as("an absolute URL in " + file).isEqualTo(SVG_NAMESPACE);
            }
        }
    }

    @Test
    void aFileThatIsNotThereIsAProblemDocument() {
        Response response = api.get("/dashboard/no-such-file.js");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
    }

    /** The page and every file under dashboard/, as paths relative to the static folder. */
    private static List<String> assets() throws IOException {
        try (Stream<Path> files = Files.walk(ASSETS)) {
            List<String> all = files.filter(Files::isRegularFile).map(ASSETS::relativize).map(Path::toString).sorted()
                    .toList();
            assertThat(all).contains("index.html", "dashboard/app.js", "dashboard/api.js");
            return all;
        }
    }
}
