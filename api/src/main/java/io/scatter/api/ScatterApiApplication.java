package io.scatter.api;

import io.scatter.api.auth.KeysCommand;
import io.scatter.messaging.Settings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/** The Scatter API process: HTTP API, transactional outbox relay and result inbox in one Spring Boot application. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ScatterApiApplication {

    /** Exit code for a command line that does not fit the options. */
    static final int USAGE_EXIT_CODE = 2;

    /**
     * Parses {@code args} (flags, then environment, then defaults), translates them to Spring properties and starts;
     * or, with {@code keys} first, runs the {@link KeysCommand} and exits.
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("keys")) {
            PrintStream stdout = System.out;
            // a library logging to stdout must not mix with the key printed there
            System.setOut(System.err);
            System.exit(new KeysCommand(stdout, System.err).run(Arrays.copyOfRange(args, 1, args.length),
                    System.getenv()));
            return;
        }
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
