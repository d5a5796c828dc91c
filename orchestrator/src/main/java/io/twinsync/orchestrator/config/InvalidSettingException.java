package io.twinsync.orchestrator.config;

/** A setting has a value twinsync cannot work with; the message names the setting and what to use instead. */
public class InvalidSettingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidSettingException(String setting, Object value, String advice) {
        super("Setting " + setting + " is " + (value == null ? "not set" : "'" + value + "'") + "; " + advice);
    }

    /** For subclasses whose message names the setting in its own words. */
    protected InvalidSettingException(String message) {
        super(message);
    }
}
