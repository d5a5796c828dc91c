package io.twinsync.orchestrator;

import io.twinsync.orchestrator.cli.ExitCode;
import io.twinsync.orchestrator.cli.TwinsyncCommandLine;
import io.twinsync.orchestrator.config.InvalidSettingException;
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
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplication(TwinsyncApplication.class).run();
        } catch (RuntimeException e) {
            System.err.println("twinsync could not start: " + startupProblem(e));
            System.exit(ExitCode.FAILED.code());
            return;
        }
        int exitCode = context.getBean(TwinsyncCommandLine.class).execute(args);
        System.exit(exit(context, exitCode));
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

    /** The message of the setting at fault when there is one, else the innermost message. */
    static String startupProblem(Throwable e) {
        Throwable innermost = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidSettingException) {
                return t.getMessage();
            }
            innermost = t;
            if (t.getCause() == t) {
                break;
            }
        }
        return innermost.getMessage()
                + " (set TWINSYNC_LOG_LEVEL=DEBUG and logging.level.org.springframework=DEBUG for details)";
    }
}
