package io.twinsync.emulator.jobs;

/** An import job's status, spelled as ADT spells it on the wire. */
public enum ImportJobStatus {
    NOT_STARTED("notstarted"),
    RUNNING("running"),
    FAILED("failed"),
    SUCCEEDED("succeeded"),
    CANCELLING("cancelling"),
    CANCELLED("cancelled");

    private final String wireName;

    ImportJobStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** True while the job occupies ADT's single job slot (it has not reached an end state). */
    public boolean isActive() {
        return this == NOT_STARTED || this == RUNNING || this == CANCELLING;
    }
}
