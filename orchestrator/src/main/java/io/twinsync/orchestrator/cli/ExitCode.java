package io.twinsync.orchestrator.cli;

/** twinsync's exit codes, the same for every command. */
public enum ExitCode {
    /** Everything was done. */
    OK(0),
    /** Nothing useful could be done: bad settings, unreachable source or target, or an unexpected error. */
    FAILED(1),
    /** The command line was wrong. */
    USAGE(2),
    /** The batch ran, but some rows were rejected or some twins or relationships failed; see the batch report. */
    PARTIAL(3),
    /**
     * Nothing was done because another twinsync process holds what the command needs (another {@code run} the
     * target, or any twinsync process the embedded emulator's folder); the message names that process. Nothing needs
     * fixing: run again once it ends.
     */
    LOCKED(4),
    /**
     * {@code run --dry-run} found something to write: models, twins or relationships to create, patch or delete. A
     * dry run that finds nothing to write ends {@link #OK}; one whose rows were rejected, or whose plan has items the
     * write would fail, ends {@link #PARTIAL}, which needs a person first.
     */
    CHANGES(5);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
