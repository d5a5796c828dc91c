package io.twinsync.orchestrator.schedule;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.springframework.scheduling.support.CronExpression;

/**
 * Cron expressions and time zones as {@code twinsync schedule} reads them, from its command line or its settings,
 * with one wording for what is wrong and an example of what is right. Expressions are Spring's: six fields, seconds
 * first, or a macro such as {@code @hourly}.
 */
public final class CronSyntax {

    /** What an expression looks like, said with every one refused. */
    public static final String EXAMPLE = "six fields, second minute hour day-of-month month day-of-week, such as"
            + " \"0 0 * * * *\" (every hour) or \"0 30 2 * * MON-FRI\" (2:30 on weekdays), or a macro such as @daily";

    private CronSyntax() {}

    /**
     * The expression, parsed.
     *
     * @throws IllegalArgumentException saying what is wrong with it, and what an expression looks like
     */
    public static CronExpression cron(String expression) {
        String written = expression.strip();
        CronExpression cron;
        try {
            cron = CronExpression.parse(written);
        } catch (IllegalArgumentException e) {
            // The common slip: a crontab line's five fields, which have no seconds.
            String crontab = written.split("\\s+").length == 5
                    ? "; a crontab line's five fields need a seconds field first: \"0 " + written + "\""
                    : "";
            throw new IllegalArgumentException(e.getMessage() + "; it takes " + EXAMPLE + crontab, e);
        }
        if (cron.next(ZonedDateTime.now(ZoneOffset.UTC)) == null) {
            throw new IllegalArgumentException("it never comes round (no date matches it); it takes " + EXAMPLE);
        }
        return cron;
    }

    /**
     * The time zone, parsed.
     *
     * @throws IllegalArgumentException saying what a zone looks like
     */
    public static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "it is not a time zone; use a region such as Europe/Paris or America/New_York, or UTC", e);
        }
    }
}
