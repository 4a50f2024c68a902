package io.scatter.api.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.scatter.messaging.testing.TestVhost;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The real services one test class runs the API against: a PostgreSQL schema of its own and, when wanted, a RabbitMQ
 * virtual host of its own. Held in a static field of an {@link ApiTest} (or {@link DatabaseTest}) class, which drops the
 * schema and deletes the virtual host after the class, once its Spring context is closed.
 */
public final class ApiEnvironment {

    /** The test database; another may be given with {@code -Dscatter.test.database=jdbc:postgresql://...}. */
    public static final String DATABASE = System.getProperty("scatter.test.database",
            "jdbc:postgresql://127.0.0.1:5432/test");
    /** An AMQP URI where no broker listens: the API must work (minus publishing) without one. */
    private static final String NO_BROKER = "amqp://guest:guest@127.0.0.1:1";

    private final String schema = "api_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final TestVhost vhost;
    private HikariDataSource dataSource;

    private ApiEnvironment(TestVhost vhost) {
        this.vhost = vhost;
    }

    /** A fresh schema and a fresh virtual host. */
    public static ApiEnvironment withBroker() {
        return new ApiEnvironment(TestVhost.create("api"));
    }

    /** A fresh schema and a broker URI nobody answers, as when RabbitMQ is down. */
    public static ApiEnvironment withoutBroker() {
        return new ApiEnvironment(null);
    }

    /** Points the API at this environment; call from the class's {@code @DynamicPropertySource} method. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", this::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "6");
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.default-schema", () -> schema);
        registry.add("scatter.rabbitmq.uri", this::rabbitUri);
    }

    public String jdbcUrl() {
        return DATABASE + "?currentSchema=" + schema;
    }

    public String rabbitUri() {
        return vhost == null ? NO_BROKER : vhost.uri();
    }

    public String schema() {
        return schema;
    }

    /**
     * A small connection pool on the schema, migrated like the API migrates it at startup: for tests of the database
     * code without Spring. Made on first use and closed with the schema.
     */
    public synchronized DataSource dataSource() {
        if (dataSource == null) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl());
            config.setUsername("postgres");
            config.setPassword("");
            config.setMaximumPoolSize(6);
            config.setPoolName("test-" + schema);
            dataSource = new HikariDataSource(config);
            Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema).load().migrate();
        }
        return dataSource;
    }

    /** Closes the pool, drops the schema and deletes the virtual host. */
    synchronized void delete() throws SQLException {
        if (dataSource != null) {
            dataSource.close();
        }
        try (Connection connection = DriverManager.getConnection(DATABASE, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } finally {
            if (vhost != null) {
                vhost.close();
            }
        }
    }

    /**
     * Deletes the static {@link ApiEnvironment} fields of a test class after it ran. Declared on {@link ApiTest} before
     * the Spring extension, so that it runs after Spring closed the class's context; and on {@link DatabaseTest}.
     */
    static final class Cleanup implements AfterAllCallback {

        @Override
        public void afterAll(ExtensionContext context) throws Exception {
            for (Field field : context.getRequiredTestClass().getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == ApiEnvironment.class) {
                    field.setAccessible(true);
                    ((ApiEnvironment) field.get(null)).delete();
                }
            }
        }
    }
}
