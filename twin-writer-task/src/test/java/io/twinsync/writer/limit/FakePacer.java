package io.twinsync.writer.limit;

/** A clock that only moves when someone waits: waiting until a time jumps to it. Single-threaded tests only. */
public final class FakePacer implements Pacer {

    private long now = 1_000_000_000L;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void awaitUntil(long nanoTime) {
        now = Math.max(now, nanoTime);
    }

    public void advanceSeconds(double seconds) {
        now += (long) (seconds * 1e9);
    }

    public double seconds(long since) {
        return (now - since) / 1e9;
    }
}
