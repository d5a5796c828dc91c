package io.twinsync.staging;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Identifies one batch. Ids sort by creation time ({@code 20261122T134501123Z-3fa9c1}, to the millisecond) so that a plain
 * listing of the staging area shows batches in the order they ran, even several in one second.
 */
public record BatchId(String value) implements Comparable<BatchId> {

    private static final Pattern FORMAT = Pattern.compile("\\d{8}T\\d{9}Z-[0-9a-f]{6}");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    public BatchId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value
                    + "' is not a batch id; batch ids look like 20261122T134501123Z-3fa9c1 (see 'twinsync batches')");
        }
    }

    /** A new id stamped with the given time. */
    public static BatchId newId(Instant now) {
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        return new BatchId(STAMP.format(now) + "-" + HexFormat.of().formatHex(suffix));
    }

    /** When the batch was started: the time its id is stamped with. */
    public Instant createdAt() {
        return STAMP.parse(value.substring(0, value.indexOf('-')), Instant::from);
    }

    public static boolean isBatchId(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public int compareTo(BatchId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
