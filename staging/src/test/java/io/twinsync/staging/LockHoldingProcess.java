package io.twinsync.staging;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The other process of {@link LocalLockAcrossProcessesTests}: takes a lock of a local store, says so on standard
 * output, and holds it until killed or until its standard input closes (so that it never outlives the test's JVM).
 */
public final class LockHoldingProcess {

    static final String LOCKED = "locked";

    private LockHoldingProcess() {}

    /** @param args the store's folder, the lock's name, the batch to record as the holder's */
    @SuppressWarnings("try") // held by the try block, not used in it
    public static void main(String[] args) throws IOException {
        try (StateLock held =
                new LocalStagingStore(Path.of(args[0])).state().lock(args[1], LockHolder.thisProcess(args[2]))) {
            System.out.println(LOCKED);
            System.out.flush();
            while (System.in.read() != -1) {
                // Holds the lock until the test closes our input or kills us.
            }
        }
    }
}
