package io.twinsync.staging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.twinsync.staging.json.StagingJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Who holds a lock of the {@link StateArea}: written into the lock by its holder, read by a process the lock refuses
 * so that it can say whom it waits for. Only the host name, the process id, the batch id and a time: nothing in it
 * may be a secret, as it is printed to whoever is refused.
 *
 * @param host the holder's host name
 * @param pid the holder's process id on that host
 * @param batch the batch the holder runs, or null when it runs none (or does not know it yet)
 * @param since when the holder took the lock, to the second
 */
public record LockHolder(String host, long pid, String batch, Instant since) {

    /** More than a holder's JSON ever takes; a lock file larger than this is not read as a holder. */
    static final int MAX_JSON_BYTES = 4096;

    public LockHolder {
        if (host == null || host.isBlank() || pid <= 0 || since == null) {
            throw new IllegalArgumentException(
                    "A lock holder needs a host, a positive pid and a time; got " + host + ", " + pid + ", " + since);
        }
        since = since.truncatedTo(ChronoUnit.SECONDS);
    }

    /** This process, taking a lock now, for {@code batch} (or for no batch when it is null). */
    public static LockHolder thisProcess(String batch) {
        return new LockHolder(ThisHost.NAME, ProcessHandle.current().pid(), batch, Instant.now());
    }

    /** Names the holder for a message: {@code pid 4242 on host build-7, batch ..., since 2026-12-07T06:00:01Z}. */
    public String describe() {
        return "pid " + pid + " on host " + host + (batch == null ? "" : ", batch " + batch) + ", since " + since;
    }

    /** The holder as the lock stores it. */
    public byte[] toJson() {
        try {
            return StagingJson.mapper().writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the lock holder " + describe() + " as JSON", e);
        }
    }

    /**
     * The holder a lock stores, or empty when the content is none: a lock taken by a version that wrote no holder,
     * one just taken whose holder is not written yet, or anything else that does not read as a holder.
     */
    public static Optional<LockHolder> fromJson(byte[] json) {
        if (json == null || json.length == 0 || json.length > MAX_JSON_BYTES) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(StagingJson.mapper().readValue(json, LockHolder.class));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // a message without the holder beats a failure over what is only for the message
        }
    }

    /** Looked up once: on a host whose name resolves slowly, every lock would wait for it again. */
    private static final class ThisHost {
        static final String NAME = hostName();
    }

    /**
     * Writes this holder as the whole content of a local lock file, through the channel that holds its lock (a holder
     * that died may have left its own there).
     */
    public void writeTo(FileChannel lockChannel) throws IOException {
        lockChannel.truncate(0);
        ByteBuffer json = ByteBuffer.wrap(toJson());
        while (json.hasRemaining()) {
            lockChannel.write(json, json.position());
        }
    }

    /**
     * The holder a local lock file names, read by a process the lock refused: file locks are advisory on Linux and
     * macOS, so it can read the file while the holder keeps it locked (on Windows the read fails: empty).
     */
    public static Optional<LockHolder> readFrom(Path lockFile) {
        try (InputStream in = Files.newInputStream(lockFile)) {
            return fromJson(in.readNBytes(MAX_JSON_BYTES + 1));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // A host whose own name does not resolve still has one; the variables are what a shell would show.
            String fromEnvironment = System.getenv("HOSTNAME");
            if (fromEnvironment == null || fromEnvironment.isBlank()) {
                fromEnvironment = System.getenv("COMPUTERNAME");
            }
            return fromEnvironment == null || fromEnvironment.isBlank() ? "unknown" : fromEnvironment;
        }
    }
}
