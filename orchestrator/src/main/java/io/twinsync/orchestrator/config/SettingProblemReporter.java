package io.twinsync.orchestrator.config;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Keeps Spring Boot from logging a settings problem with its stack trace ("Application run failed"): the problem is
 * reported once, in plain words, by whoever started twinsync ({@link StartupProblems}). Needed because problems in
 * settings files and names are found before Spring has set up logging, when its fallback logs everything. Registered
 * in {@code META-INF/spring.factories}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SettingProblemReporter implements SpringBootExceptionReporter {

    @Override
    public boolean reportException(Throwable failure) {
        return StartupProblems.settingProblem(failure).isPresent();
    }
}
