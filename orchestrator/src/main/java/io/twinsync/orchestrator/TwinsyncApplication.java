package io.twinsync.orchestrator;

import io.twinsync.orchestrator.cli.ExitCode;
import io.twinsync.orchestrator.cli.TwinsyncCommandLine;
import io.twinsync.orchestrator.config.StartupProblems;
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
        System.exit(run(new SpringApplication(TwinsyncApplication.class), args));
    }

    /**
     * Starts Spring with {@code application} (which brings the environment: settings files, variables, system
     * properties), runs the command line, and gives the exit code. A start that fails, such as on a setting twinsync
     * refuses, prints one line to standard error and gives {@link ExitCode#FAILED}.
     */
    static int run(SpringApplication application, String... args) {
        ConfigurableApplicationContext context;
        try {
            context = application.run();
        } catch (RuntimeException e) {
            System.err.println("twinsync could not start: " + StartupProblems.describe(e));
            return ExitCode.FAILED.code();
        }
        int exitCode = context.getBean(TwinsyncCommandLine.class).execute(args);
        return exit(context, exitCode);
    }

    /**
     * Closes Spring and gives the exit code. A command ended by a signal (Ctrl-C or SIGTERM stopping {@code twinsync
     * emulator}) finds Spring already closed by its shutdown hook: then there is nothing left to close.
     */
    static int exit(ConfigurableApplicationContext context, int exitCode) {
        if (!context.isActive()) {
            return exitCode;
        }
        try {
            return SpringApplication.exit(context, () -> exitCode);
        } catch (IllegalStateException closedMeanwhile) {
            return exitCode;
        }
    }
}
