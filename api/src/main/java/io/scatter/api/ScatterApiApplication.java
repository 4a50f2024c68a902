package io.scatter.api;

import io.scatter.messaging.Settings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.util.List;

/** The Scatter API process: HTTP API, transactional outbox relay and result inbox in one Spring Boot application. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ScatterApiApplication {

    /** Exit code for a command line that does not fit the options. */
    static final int USAGE_EXIT_CODE = 2;

    /** Parses {@code args} (flags, then environment, then defaults), translates them to Spring properties and starts. */
    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.err.print(LaunchArguments.usage());
            return;
        }
        List<String> springArguments;
        try {
            springArguments = LaunchArguments.toSpringArguments(args, System.getenv());
        } catch (Settings.UsageException e) {
            System.err.println("scatter-api: " + e.getMessage());
            System.exit(USAGE_EXIT_CODE);
            return;
        }
        SpringApplication.run(ScatterApiApplication.class, springArguments.toArray(String[]::new));
    }

    /** The clock every timestamp the API sets comes from. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
