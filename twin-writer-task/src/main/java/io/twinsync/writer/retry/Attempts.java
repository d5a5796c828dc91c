package io.twinsync.writer.retry;

/** Counts the requests sent for one twin or relationship, retries included. Used by one thread at a time. */
public final class Attempts {

    private int count;

    void add() {
        count++;
    }

    public int count() {
        return count;
    }
}
