package io.twinsync.staging.blob;

import com.azure.core.http.RequestConditions;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.azure.storage.blob.specialized.BlobLeaseClient;
import com.azure.storage.blob.specialized.BlobLeaseClientBuilder;
import io.twinsync.staging.LockHolder;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.StateLock;
import io.twinsync.staging.StateLockedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lock in Blob Storage: a lease of {@value #LEASE_SECONDS} s on a small blob, renewed every
 * {@value #RENEW_SECONDS} s while held. A process that dies stops renewing, so its lock ends by itself within
 * {@value #LEASE_SECONDS} s and never blocks anyone for longer. Should renewing fail until the lease runs out (the
 * storage account unreachable for that long), the lock is lost: that is logged at once, and {@link #close()} fails,
 * so the run does not end as if it had held the lock throughout.
 */
final class BlobLeaseLock implements StateLock {

    static final int LEASE_SECONDS = 60;
    static final int RENEW_SECONDS = 15;
    private static final Duration RENEW_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(BlobLeaseLock.class);
    private static final ScheduledExecutorService RENEWALS = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "staging-lease-renewal");
        thread.setDaemon(true);
        return thread;
    });

    private final BlobLeaseClient lease;
    private final String display;
    private final ScheduledFuture<?> renewal;
    private final Clock clock;
    private volatile Instant renewedAt;
    private volatile String lost;
    private volatile boolean closed;

    private BlobLeaseLock(BlobLeaseClient lease, String display, Clock clock) {
        this.lease = lease;
        this.display = display;
        this.clock = clock;
        this.renewedAt = clock.instant();
        this.renewal = RENEWALS.scheduleWithFixedDelay(this::renew, RENEW_SECONDS, RENEW_SECONDS, TimeUnit.SECONDS);
    }

    static StateLock acquire(BlobClient blob, String display, LockHolder holder) {
        return acquire(blob, display, holder, Clock.systemUTC());
    }

    /** @param clock tells when the lease was last renewed; a test moves it on instead of waiting a minute */
    static BlobLeaseLock acquire(BlobClient blob, String display, LockHolder holder, Clock clock) {
        createIfMissing(blob, display);
        BlobLeaseClient lease = new BlobLeaseClientBuilder().blobClient(blob).buildClient();
        String leaseId;
        try {
            leaseId = lease.acquireLease(LEASE_SECONDS);
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 409) {
                throw new StateLockedException(display, readHolder(blob).orElse(null));
            }
            throw BlobErrors.failure("Cannot take the lock " + display, display, e);
        } catch (RuntimeException e) {
            throw BlobErrors.failure("Cannot take the lock " + display, display, e);
        }
        writeHolder(blob, leaseId, holder, display);
        return new BlobLeaseLock(lease, display, clock);
    }

    /**
     * Makes the holder the blob's content, replacing an earlier holder's (one whose lease ran out keeps its
     * content). A leased blob takes writes that give its lease id, and keeps the lease. A failure leaves the lock
     * held: the holder is only for others' messages, and the lease is what keeps them out.
     */
    private static void writeHolder(BlobClient blob, String leaseId, LockHolder holder, String display) {
        try {
            blob.getBlockBlobClient()
                    .uploadWithResponse(
                            new BlockBlobSimpleUploadOptions(BinaryData.fromBytes(holder.toJson()))
                                    .setRequestConditions(new BlobRequestConditions().setLeaseId(leaseId)),
                            RENEW_TIMEOUT,
                            Context.NONE);
        } catch (RuntimeException e) {
            log.warn(
                    "Cannot record the holder of the lock {} ({}); whoever it refuses cannot name it",
                    display,
                    BlobErrors.describe(e));
        }
    }

    /** The holder the lock blob names, read when its lease refused us; empty when it names none or cannot be read. */
    private static Optional<LockHolder> readHolder(BlobClient blob) {
        try {
            return LockHolder.fromJson(blob.downloadContentWithResponse(null, null, RENEW_TIMEOUT, Context.NONE)
                    .getValue()
                    .toBytes());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        renewal.cancel(false);
        long sinceRenewed = Duration.between(renewedAt, clock.instant()).getSeconds();
        if (lost == null && sinceRenewed >= LEASE_SECONDS) {
            lost = "not renewed for " + sinceRenewed + " s";
        }
        if (lost != null) {
            throw new StagingException("The lock " + display + " was lost while held (" + lost + "): another"
                    + " writer may have run at the same time. Run once more comparing every twin with ADT ('twinsync run"
                    + " --full-compare', or the writer task's --ignore-known-state).");
        }
        try {
            lease.releaseLease();
        } catch (RuntimeException e) {
            log.warn(
                    "Cannot release the lock {} ({}); it ends by itself within {} s",
                    display,
                    BlobErrors.describe(e),
                    LEASE_SECONDS);
        }
    }

    /** Package-private so that a test can renew at once instead of waiting for the schedule. */
    void renew() {
        if (closed) {
            return;
        }
        try {
            // A timeout, so that a hung call cannot outlast the lease unnoticed.
            lease.renewLeaseWithResponse((RequestConditions) null, RENEW_TIMEOUT, Context.NONE);
            renewedAt = clock.instant();
        } catch (RuntimeException e) {
            Duration since = Duration.between(renewedAt, clock.instant());
            if (closed) {
                return; // released meanwhile
            }
            boolean gone = e instanceof BlobStorageException storage && storage.getStatusCode() == 409;
            if (gone || since.getSeconds() >= LEASE_SECONDS) {
                lost = BlobErrors.describe(e);
                renewal.cancel(false);
                log.error("Lost the lock {} ({}): another writer may take it while this one runs", display, lost);
            } else {
                log.warn(
                        "Cannot renew the lock {} ({}); trying again in {} s, it holds {} s more",
                        display,
                        BlobErrors.describe(e),
                        RENEW_SECONDS,
                        LEASE_SECONDS - since.getSeconds());
            }
        }
    }

    /** A lease needs a blob; the first writer creates it, empty. */
    private static void createIfMissing(BlobClient blob, String display) {
        try {
            blob.getBlockBlobClient()
                    .uploadWithResponse(
                            new BlockBlobSimpleUploadOptions(BinaryData.fromBytes(new byte[0]))
                                    .setRequestConditions(new BlobRequestConditions().setIfNoneMatch("*")),
                            null,
                            Context.NONE);
        } catch (BlobStorageException e) {
            // 409: it exists already; 412: it exists and someone holds a lease on it. Both are fine here.
            if (e.getStatusCode() != 409 && e.getStatusCode() != 412) {
                throw BlobErrors.failure("Cannot create the lock " + display, display, e);
            }
        } catch (RuntimeException e) {
            throw BlobErrors.failure("Cannot create the lock " + display, display, e);
        }
    }
}
