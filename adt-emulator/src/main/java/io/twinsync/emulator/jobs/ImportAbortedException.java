package io.twinsync.emulator.jobs;

/** A problem that stops the whole import job (a malformed file, a refused Models section). */
final class ImportAbortedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ImportSection section;
    private final Integer line;
    private final String code;
    private final boolean logged;

    /**
     * @param section where it happened, or null before any section
     * @param line the 1-based line number, or null when no single line is to blame
     * @param code the error code the job ends with
     * @param logged whether the log already holds the lines that explain it
     */
    ImportAbortedException(ImportSection section, Integer line, String code, String message, boolean logged) {
        super(message);
        this.section = section;
        this.line = line;
        this.code = code;
        this.logged = logged;
    }

    ImportSection section() {
        return section;
    }

    Integer line() {
        return line;
    }

    String code() {
        return code;
    }

    boolean logged() {
        return logged;
    }
}
