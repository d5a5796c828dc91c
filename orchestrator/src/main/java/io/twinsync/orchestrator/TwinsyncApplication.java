package io.twinsync.orchestrator;

import io.twinsync.orchestrator.cli.TwinsyncCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts twinsync. The command line goes to picocli only: Spring Boot gets no arguments, so a command's options are
 * never mistaken for Spring properties. Settings come from {@code twinsync.yaml}, {@code TWINSYNC_*} environment
 * variables and system properties.
 */
@SpringBootApplication
public class TwinsyncApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(TwinsyncApplication.class);
        ConfigurableApplicationContext context = application.run();
        int exitCode = context.getBean(TwinsyncCommandLine.class).execute(args);
        System.exit(SpringApplication.exit(context, () -> exitCode));
    }
}
