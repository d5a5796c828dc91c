package io.twinsync.orchestrator.cli;

import io.twinsync.orchestrator.config.TwinsyncProperties;
import io.twinsync.orchestrator.schedule.BatchSchedule;
import io.twinsync.orchestrator.schedule.CronSyntax;
import io.twinsync.orchestrator.schedule.CronTicks;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code twinsync schedule}: one batch per cron tick, never two at once, until stopped. */
@Component
@Scope("prototype")
@Command(
        name = "schedule",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a batch at every tick of a cron expression, as 'twinsync run' runs it, until stopped. A tick that"
                    + " comes while a batch runs is skipped, and so is one that finds the target held by another"
                    + " run; each skip is one line on standard error. Standard output gets one line per batch: the"
                    + " tick, the batch and its result (OK, PARTIAL, FAILED, DRIFT, or STOPPED). A failed batch does"
                    + " not stop the schedule: the next tick starts a new batch, which reads again what it did not"
                    + " commit.",
            "Ctrl-C or SIGTERM stops it once the running batch's current step has ended (in the write step: its"
                    + " running partitions), leaving that batch for 'twinsync run --resume'.",
            "Exit codes: 0 stopped; 2 a wrong --cron or --zone; 1 a wrong twinsync.schedule setting, or could not"
                    + " start."
        })
public class ScheduleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--cron",
            paramLabel = "EXPR",
            description = "When batches start: Spring's cron expression, " + CronSyntax.EXAMPLE
                    + ". Default: twinsync.schedule.cron.")
    String cron;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            description = "The time zone the expression is read in, such as Europe/Paris or UTC. Default:"
                    + " twinsync.schedule.zone, else the system's.")
    String zone;

    private static final Logger log = LoggerFactory.getLogger(ScheduleCommand.class);

    private final BatchRun batchRun;
    private final TwinsyncProperties properties;

    public ScheduleCommand(BatchRun batchRun, TwinsyncProperties properties) {
        this.batchRun = batchRun;
        this.properties = properties;
    }

    @Override
    @SuppressWarnings("try") // the signals are handled while the try block runs, and given back after
    public Integer call() throws InterruptedException {
        CronExpression expression = cronExpression();
        ZoneId zoneId = zoneId();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CronTicks ticks = new CronTicks(expression, zoneId, Clock.system(zoneId));
        BatchSchedule schedule = new BatchSchedule(ticks, new ScheduledBatchRun(batchRun, err), out, err);
        err.printf(
                "twinsync schedule: a batch at every tick of \"%s\" (%s), one at a time; the first at %s. Ctrl-C or"
                        + " SIGTERM stops it once the running batch's current step has ended.%n",
                expression,
                zoneId,
                ticks.after(Instant.now())
                        .truncatedTo(ChronoUnit.SECONDS)
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        err.flush();
        try (StopSignals signals = stopOnSignal(schedule, err)) {
            schedule.run();
        }
        return ExitCode.OK.code();
    }

    /**
     * SIGTERM and Ctrl-C stop the schedule, which lets its running batch stop after its running step; the command then
     * ends as any other, with exit code 0: a stop is not an error. A second signal ends the process at once.
     */
    private static StopSignals stopOnSignal(BatchSchedule schedule, PrintWriter err) {
        try {
            return StopSignals.install(() -> {
                err.println("twinsync schedule: stop asked for; a second Ctrl-C or SIGTERM ends it at once, leaving"
                        + " the running batch for 'twinsync run --resume'.");
                err.flush();
                schedule.stop();
            });
        } catch (ReflectiveOperationException e) {
            log.debug("Cannot handle SIGTERM and SIGINT", e);
            err.println(
                    "twinsync schedule: this JVM does not let twinsync handle SIGTERM and Ctrl-C (started with -Xrs?):"
                            + " they end it at once, and 'twinsync run --resume' continues the batch that was running.");
            err.flush();
            return null;
        }
    }

    private CronExpression cronExpression() {
        String written = cron != null ? cron : properties.schedule().cron();
        if (written == null || written.isBlank()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "schedule needs to know when to start batches: give --cron \"0 0 * * * *\" (every hour), or set"
                            + " twinsync.schedule.cron; it takes " + CronSyntax.EXAMPLE);
        }
        if (cron == null) {
            return CronSyntax.cron(written); // checked at start-up already
        }
        try {
            return CronSyntax.cron(written);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(
                    spec.commandLine(), "--cron \"" + written + "\" is refused: " + e.getMessage());
        }
    }

    private ZoneId zoneId() {
        if (zone == null) {
            String setting = properties.schedule().zone();
            return setting == null || setting.isBlank() ? ZoneId.systemDefault() : CronSyntax.zone(setting);
        }
        try {
            return CronSyntax.zone(zone);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--zone " + zone + " is refused: " + e.getMessage());
        }
    }
}
