package io.twinsync.orchestrator.config;

import java.util.List;

/**
 * Names under {@code twinsync.} that are not settings; the message lists each as the user wrote it, where, and the
 * nearest setting.
 */
public class UnknownSettingsException extends InvalidSettingException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    UnknownSettingsException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per unknown name. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        if (problems.size() == 1) {
            return problems.get(0) + " Fix or remove it: twinsync refuses a setting it does not know rather than run"
                    + " on the default";
        }
        StringBuilder message = new StringBuilder(problems.size() + " settings are not known to twinsync; fix or"
                + " remove them (twinsync refuses a setting it does not know rather than run on the default):");
        problems.forEach(problem -> message.append("\n  - ").append(problem));
        return message.toString();
    }
}
