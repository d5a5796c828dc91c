package io.twinsync.orchestrator.config;

/** A settings file cannot be read; the message names the file and, for a YAML error, the line and column. */
public class SettingsFileException extends InvalidSettingException {

    private static final long serialVersionUID = 1L;

    SettingsFileException(String message) {
        super(message);
    }
}
