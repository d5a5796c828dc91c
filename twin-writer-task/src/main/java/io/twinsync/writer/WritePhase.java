package io.twinsync.writer;

/**
 * What one {@link TwinWriter#write} call applies of a partition. A write of several partitions that run at the same
 * time (threads, processes, Batch tasks) is done in two phases, {@link #TWINS} for every partition and then
 * {@link #RELATIONSHIPS} for every partition, because a relationship's target may be a twin of another partition;
 * {@link #ALL} does both in one call, for a write of one partition (or of partitions run one after the other).
 */
public enum WritePhase {
    /** Models, twins, then relationships, in one call. */
    ALL(""),
    /**
     * Models and twins; what happened to each twin is handed to the relationship phase in
     * {@code handoff/part-{i}-of-{n}.ndjson}. The known state is left as it was until the relationship phase.
     */
    TWINS(".twins"),
    /** The relationships of the twins the twin phase handed off, then the known state. */
    RELATIONSHIPS(".relationships");

    private final String suffix;

    WritePhase(String suffix) {
        this.suffix = suffix;
    }

    /**
     * The name of this phase's results and summary files for the partition: {@code part-1-of-4} for {@link #ALL},
     * {@code part-1-of-4.twins} and {@code part-1-of-4.relationships} for the phases.
     */
    public String resultsName(Partition partition) {
        return partition.fileName() + suffix;
    }

    boolean writesTwins() {
        return this != RELATIONSHIPS;
    }

    boolean writesRelationships() {
        return this != TWINS;
    }
}
