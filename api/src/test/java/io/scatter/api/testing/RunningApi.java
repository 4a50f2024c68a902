package io.scatter.api.testing;

import io.scatter.api.ScatterApiApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The whole API started by hand on a random port over an {@link ApiEnvironment}, for test engines that Spring's test
 * context does not drive (jqwik); closing it stops the API and deletes the environment.
 */
public final class RunningApi implements AutoCloseable {

    private final ApiEnvironment environment;
    private final ConfigurableApplicationContext context;

    private RunningApi(ApiEnvironment environment, ConfigurableApplicationContext context) {
        this.environment = environment;
        this.context = context;
    }

    /** Starts the API on {@code environment}, which this then owns. */
    public static RunningApi start(ApiEnvironment environment) {
        Map<String, Object> properties = new LinkedHashMap<>();
        environment.register((name, value) -> properties.put(name, value.get()));
        properties.put("server.port", 0);
        properties.put("logging.level.io.scatter", "INFO");
        String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        try {
            return new RunningApi(environment, new SpringApplicationBuilder(ScatterApiApplication.class)
                    .run(arguments));
        } catch (RuntimeException e) {
            deleteQuietly(environment, e);
            throw e;
        }
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public DataSource dataSource() {
        return context.getBean(DataSource.class);
    }

    @Override
    public void close() throws SQLException {
        try {
            context.close();
        } finally {
            environment.delete();
        }
    }

    private static void deleteQuietly(ApiEnvironment environment, RuntimeException cause) {
        try {
            environment.delete();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
